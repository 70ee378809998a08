package io.paperwire.app.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperwire.ingest.IngestListener;
import io.paperwire.ingest.IngestOptions;
import io.paperwire.ingest.IngestRuntime;
import io.paperwire.ingest.IngestSources;
import io.paperwire.ingest.IngestSummary;
import io.paperwire.ingest.http.HttpSettings;
import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.ParserSettings;
import io.paperwire.ingest.publish.IngestTopics;
import io.paperwire.ingest.source.FileSource;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;

/**
 * The scenarios' papers and subscribers, made so that who matches what is known without paperwire: paper {@code i}
 * is about topic {@code i % 10}; one subscriber wants topic 0 ({@code title:quantum}), one topic 1
 * ({@code title:"graph neural"}), one a word no paper has. Papers are written as an arXiv snapshot file and ingested
 * through paperwire's file source and exactly-once publisher, as {@code paperwire ingest file} does.
 */
final class PaperFixture {

    private static final String[][] TOPICS = {
        {"quantum error correction", "We decode surface codes for superconducting qubits under circuit noise."},
        {"graph neural networks", "We train message passing networks on molecular graphs with few labels."},
        {"protein folding", "We predict the tertiary structure of small proteins from their sequences."},
        {"ocean circulation", "We model the overturning of the Atlantic with a coupled climate simulation."},
        {"auction design", "We characterise revenue-optimal mechanisms for bidders with budgets."},
        {"glacier dynamics", "We measure the retreat of tidewater glaciers from satellite imagery."},
        {"compiler verification", "We prove a register allocator correct in an interactive theorem prover."},
        {"urban mobility", "We estimate commuting flows from anonymised transit card records."},
        {"soil microbiology", "We sequence bacterial communities in agricultural soils over a season."},
        {"exoplanet atmospheres", "We retrieve water abundances from transmission spectra of hot Jupiters."},
    };
    private static final DateTimeFormatter ARXIV_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** A subscriber and the topic it wants (-1: none). */
    record Subscriber(String id, String email, String query, int topic) {
    }

    static final List<Subscriber> SUBSCRIBERS = List.of(
            new Subscriber("scenario-quantum", "quantum@example.org", "title:quantum", 0),
            new Subscriber("scenario-graphs", "graphs@example.org", "title:\"graph neural\"", 1),
            new Subscriber("scenario-nobody", "zebra@example.org", "title:zebra", -1));

    private final int papers;

    PaperFixture(int papers) {
        this.papers = papers;
    }

    int papers() {
        return papers;
    }

    static String key(int paper) {
        return "arxiv:" + arxivId(paper);
    }

    static String title(int paper) {
        return "On " + TOPICS[paper % TOPICS.length][0] + ", study " + paper;
    }

    /** The subscriptions as the subscriptions API would store them, with instant email. */
    List<Subscription> subscriptions() {
        Instant now = Instant.now();
        return SUBSCRIBERS.stream().map(s -> Subscription.newBuilder()
                .setId(s.id()).setOwnerEmail(s.email()).setName(s.id()).setQuery(s.query())
                .setEmailInstant(true).setUnsubscribeToken("token-" + s.id())
                .setCreatedAt(now).setUpdatedAt(now).build()).toList();
    }

    /** Expected alerts as "subscription id / paper key", exactly one each. */
    Set<String> expectedAlerts() {
        Set<String> expected = new TreeSet<>();
        for (Subscriber s : SUBSCRIBERS) {
            for (int i = 0; i < papers; i++) {
                if (i % TOPICS.length == s.topic()) {
                    expected.add(s.id() + " / " + key(i));
                }
            }
        }
        return expected;
    }

    /** Expected mail subjects per recipient address, sorted. */
    Map<String, List<String>> expectedMailSubjects() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Subscriber s : SUBSCRIBERS) {
            List<String> subjects = new ArrayList<>();
            for (int i = 0; i < papers; i++) {
                if (i % TOPICS.length == s.topic()) {
                    subjects.add("[paperwire] " + title(i));
                }
            }
            if (!subjects.isEmpty()) {
                subjects.sort(null);
                expected.put(s.email(), subjects);
            }
        }
        return expected;
    }

    /** Writes the papers as arXiv snapshot JSON lines, announced a day ago. */
    Path write(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        String created = ARXIV_DATE.format(Instant.now().minus(Duration.ofDays(1)));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < papers; i++) {
            ObjectNode paper = json.createObjectNode();
            paper.put("id", arxivId(i));
            paper.put("authors", "A. Author and B. Author");
            paper.put("title", title(i));
            paper.put("abstract", TOPICS[i % TOPICS.length][1]);
            paper.put("categories", "cs.LG");
            paper.putArray("versions").addObject().put("version", "v1").put("created", created);
            paper.put("update_date", created.substring(5, 16));
            lines.add(json.writeValueAsString(paper));
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("scenario-papers.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Ingests the file once; fails unless it published {@code expected} papers. */
    IngestSummary ingest(String bootstrapServers, PaperwireTopics topics, Path file, int expected) {
        IngestSources sources = new IngestSources(PoliteHttpClient.create(HttpSettings.defaults()),
                ParserSettings.defaults(), Clock.systemUTC());
        try (IngestRuntime ingest = IngestRuntime.connect(IngestOptions.defaults(bootstrapServers)
                .withTransactionalId("scenario-ingest"), IngestTopics.from(topics), IngestListener.silent())) {
            IngestSummary summary = ingest.run(List.of(sources.files(FileSource.Settings.of(List.of(file), false))));
            if (!summary.succeeded() || summary.total().published() != expected) {
                throw new AssertionError("ingest did not publish " + expected + " papers: " + summary.describe());
            }
            return summary;
        }
    }

    private static String arxivId(int paper) {
        return String.format("2611.%05d", paper + 1);
    }
}
