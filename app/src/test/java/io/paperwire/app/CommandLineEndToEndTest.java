package io.paperwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands a newcomer runs first, end to end on the embedded platform. */
class CommandLineEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void demoShouldPublishTheSampleOnceAndResumeFromItsCheckpointOnASecondRun() throws Exception {
        String[] args = {"demo", "--once", "--papers", "40", "--data-dir", dataDir.toString(),
            "--kafka-port", port(), "--controller-port", port(), "--registry-port", port(), "--http-port", port()};
        Run first = run(args);
        assertThat(first.status).as(first.err).isZero();
        assertThat(first.out).contains("paperwire is up").contains("On papers.published now: 40 paper events");
        assertThat(first.err).contains("published 40");
        assertThat(first.out).contains("On papers.enriched: 40 enriched papers").contains("keywords:").contains("tags:");
        assertThat(first.out).containsPattern("On alerts: \\d+ alerts").contains("because");
        // Every alert went out as an instant mail, written as an .eml file (no SMTP server configured).
        assertThat(first.out).contains("Instant email: " + alertCount(first.out) + " messages written as .eml files");
        try (var mails = java.nio.file.Files.list(dataDir.resolve("mail"))) {
            assertThat(mails.filter(f -> f.toString().endsWith(".eml")).count()).isEqualTo(alertCount(first.out));
        }

        Run second = run(args);
        assertThat(second.status).as(second.err).isZero();
        assertThat(second.out).contains("On papers.published now: 40 paper events");
        // Every delivery the ledger holds was sent: nothing failed, nothing is left pending.
        String[] platform = java.util.Arrays.copyOfRange(args, 4, args.length);
        Run deliveries = run(concat(new String[] {"deliveries", "--unfinished"}, platform));
        assertThat(deliveries.status).as(deliveries.err).isZero();
        assertThat(deliveries.out).contains("no unfinished deliveries");

        // Nothing new was published, so no alert and no mail is added: the counts of the first run stand.
        assertThat(alertCount(second.out)).isEqualTo(alertCount(first.out));
        try (var mails = java.nio.file.Files.list(dataDir.resolve("mail"))) {
            assertThat(mails.filter(f -> f.toString().endsWith(".eml")).count()).isEqualTo(alertCount(first.out));
        }
        // The file source resumes from its checkpoint in ingest.checkpoints: nothing is read or published again.
        assertThat(second.err).contains("read 0, published 0");
    }

    @Test
    void ingestDryRunShouldPrintParsedEventsAsJsonLinesWithoutABroker() throws Exception {
        Path file = dataDir.resolve("two-papers.jsonl");
        Files.write(file, List.of(
                "{\"id\":\"2611.00001\",\"authors\":\"A. Author and B. Author\",\"title\":\"First  paper\\n  title\","
                        + "\"abstract\":\"  An abstract.\",\"categories\":\"cs.LG stat.ML\","
                        + "\"versions\":[{\"version\":\"v1\",\"created\":\"Mon, 2 Nov 2026 10:00:00 GMT\"}],"
                        + "\"update_date\":\"2026-11-02\"}",
                "{\"id\":\"hep-th/9901001\",\"authors\":\"C. Author\",\"title\":\"Old style id\","
                        + "\"abstract\":\"Another abstract.\",\"categories\":\"hep-th\","
                        + "\"versions\":[{\"version\":\"v1\",\"created\":\"Fri, 1 Jan 1999 10:00:00 GMT\"}],"
                        + "\"update_date\":\"1999-01-01\"}",
                "this line is not JSON"));
        Run run = run("ingest", "file", "--dry-run", file.toString());
        List<JsonNode> lines = run.out.lines().filter(l -> l.startsWith("{")).map(CommandLineEndToEndTest::json).toList();
        assertThat(lines).as(run.out + run.err).hasSizeGreaterThanOrEqualTo(3);
        assertThat(lines.toString()).contains("arxiv:2611.00001").contains("arxiv:hep-th/9901001")
                .contains("First paper title");
        assertThat(run.err).contains("published 2").contains("dead-lettered 1");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static int alertCount(String out) {
        var matcher = java.util.regex.Pattern.compile("On alerts: (\\d+) alerts").matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private record Run(int status, String out, String err) {
    }

    /** Runs the CLI in-process; commands that print events write to System.out, so it is captured too. */
    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int status;
        try {
            System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
            status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return new Run(status, out + systemOut.toString(StandardCharsets.UTF_8),
                err + systemErr.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private static String port() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
