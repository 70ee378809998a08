package io.paperwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperwire eval tags}: by default the stream's classifier (with the shipped prior) and then the same split
 * without it; with {@code --no-prior} only the classifier without the prior. The dataset is written by the test
 * (short made-up abstracts in two archives), so the test needs no shared data.
 */
class EvalTagsCommandTest {

    @TempDir
    Path dir;

    private String runEvalTags(String... extra) throws IOException {
        Path dataset = dir.resolve("papers.jsonl");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean astro = i % 2 == 0;
            lines.add(String.format(Locale.ROOT,
                    "{\"id\":\"t%d\",\"title\":\"%s\",\"abstract\":\"%s\",\"categories\":[\"%s\"]}", i,
                    astro ? "Galaxy clusters at high redshift " + i : "Primes in arithmetic progressions " + i,
                    astro ? "We observe galaxies, quasars and dark matter halos with a telescope survey."
                            : "We prove a bound on prime numbers and modular forms using analytic number theory.",
                    astro ? "astro-ph.CO" : "math.NT"));
        }
        Files.write(dataset, lines);
        List<String> args = new ArrayList<>(List.of("eval", "tags", "--dataset", dataset.toString()));
        args.addAll(List.of(extra));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = Main.run(args.toArray(String[]::new), new PrintWriter(new StringWriter(), true),
                    new PrintWriter(new StringWriter(), true));
            assertThat(status).isZero();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldMeasureWithThePriorAndThenWithoutItByDefault() throws IOException {
        String out = runEvalTags();

        assertThat(out).contains("40 papers with categories").contains("prior: rss-")
                .contains("trained online on the first 32 papers, tested on the last 8")
                .contains("without the prior (--no-prior), same split:");
    }

    @Test
    void shouldMeasureOnlyTheClassifierWithoutThePriorWhenAsked() throws IOException {
        String out = runEvalTags("--no-prior");

        assertThat(out).contains("prior: none").contains("archive accuracy=")
                .doesNotContain("without the prior");
    }
}
