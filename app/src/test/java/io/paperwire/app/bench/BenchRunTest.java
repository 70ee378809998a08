package io.paperwire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.app.Main;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.notify.matching.PaperAnalyzer;
import io.paperwire.notify.matching.PaperDocument;
import io.paperwire.notify.matching.SubscriptionQuery;
import io.paperwire.notify.matching.SubscriptionSpec;
import io.paperwire.schemas.EnrichedPaper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A small bench run on the embedded stack checks the harness, never the speed: the JSON holds every figure, every
 * count adds up (papers in = published = enriched = matched), and the alerts the notify service wrote are exactly the
 * (subscription, paper) pairs a plain Lucene search finds over the same enriched papers with the same queries.
 */
class BenchRunTest {

    private static final String PAPER_KEY_FIELD = "bench.paperKey";

    @Test
    void shouldMeasureEveryStageWithCountsThatAddUpAndAlertsThatAPlainLuceneSearchConfirms() throws Exception {
        // Short warm-ups: this test checks what the bench measures and counts, not how fast.
        BenchSettings settings = new BenchSettings(1000, 50, 1000, 100, Duration.ofSeconds(1), Optional.empty(), 11,
                Duration.ofSeconds(5));
        List<String> phases = new ArrayList<>();
        BenchRun.Result result = BenchRun.run(settings, PaperwireConfig.of(Map.of()), new BenchProgress() {
            @Override
            public void phase(int index, int total, String name) {
                phases.add(index + "/" + total);
                System.out.println(java.time.Instant.now() + " bench [" + index + "/" + total + "] " + name);
            }

            @Override
            public void update(String line) {
            }
        });
        BenchReport report = result.report();
        BenchEvidence evidence = result.evidence();
        System.out.print(report.table());

        assertThat(phases).containsExactly("1/9", "2/9", "3/9", "4/9", "5/9", "6/9", "7/9", "8/9", "9/9");
        BenchReport.Counts counts = report.counts();
        assertThat(counts.papers()).isEqualTo(1000);
        assertThat(counts.published()).isEqualTo(counts.papers());
        assertThat(counts.rawConsumed()).isEqualTo(counts.published());
        assertThat(counts.rawProduced()).isEqualTo(counts.published());
        assertThat(counts.passedThrough()).isEqualTo(counts.published());
        assertThat(counts.enriched()).isEqualTo(counts.published());
        assertThat(counts.matched()).isEqualTo(counts.enriched());
        assertThat(counts.endToEndEnriched()).isEqualTo(50);
        assertThat(counts.latencyPapers()).isEqualTo(100);
        assertThat(counts.latencyEnriched()).isEqualTo(100);
        assertThat(report.checks()).allSatisfy((name, holds) -> assertThat(holds).as(name).isTrue());

        // The alerts equal what a plain Lucene index search finds, and so do the in-process matcher's matches.
        assertThat(evidence.enriched()).hasSize(1000);
        Set<String> expected = plainLuceneMatches(evidence.enriched(), evidence.subscriptions());
        assertThat(expected).isNotEmpty();
        assertThat(evidence.alertPairs()).isEqualTo(expected);
        assertThat(evidence.matcherPairs()).isEqualTo(expected);
        assertThat(counts.alerts()).isEqualTo(expected.size());
        assertThat(counts.matcherMatches()).isEqualTo(expected.size());
        assertThat(report.latency().alertedPapers()).isPositive();

        assertJsonIsComplete(report);
    }

    @Test
    void shouldShowItsOptionsAndRefuseBadArgumentsWithAOneLineReason() {
        StringWriter help = new StringWriter();
        assertThat(Main.run(new String[] {"bench", "--help"}, new PrintWriter(help, true),
                new PrintWriter(new StringWriter()))).isZero();
        assertThat(help.toString()).contains("Usage: paperwire bench").contains("--subscriptions")
                .contains("--json").contains("--corpus")
                .contains("--warm-up-limit");

        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"bench", "--papers", "0"}, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--papers must be at least 1");

        StringWriter err2 = new StringWriter();
        int status2 = Main.run(new String[] {"bench", "--corpus", "/no/such/corpus.jsonl"},
                new PrintWriter(new StringWriter()), new PrintWriter(err2, true));
        assertThat(status2).isEqualTo(2);
        assertThat(err2.toString()).contains("--corpus /no/such/corpus.jsonl: no such file");

        StringWriter err3 = new StringWriter();
        int status3 = Main.run(new String[] {"bench", "--warm-up-limit", "-PT1S"},
                new PrintWriter(new StringWriter()), new PrintWriter(err3, true));
        assertThat(status3).isEqualTo(2);
        assertThat(err3.toString()).contains("--warm-up-limit must not be negative");
    }

    private static void assertJsonIsComplete(BenchReport report) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(mapper.writeValueAsString(report.toJson()));
        assertThat(json.path("consistent").asBoolean()).isTrue();
        for (String field : List.of("cores", "memory_bytes", "jdk", "kafka_version", "lucene_version")) {
            assertThat(json.path("machine").path(field).isMissingNode()).as("machine." + field).isFalse();
            assertThat(json.path("machine").path(field).isNull()).as("machine." + field).isFalse();
        }
        for (String baseline : List.of("raw_producer", "raw_consumer", "pass_through_streams")) {
            assertThat(json.path("baselines").path(baseline).path("papers_per_second").isNumber())
                    .as(baseline).isTrue();
            assertThat(json.path("baselines").path(baseline).path("papers").asLong())
                    .isEqualTo(report.counts().published());
        }
        for (String stage : List.of("ingest", "enrich", "notify_service", "end_to_end")) {
            JsonNode node = json.path("stages").path(stage);
            assertThat(node.path("papers_per_second").isNumber()).as(stage).isTrue();
            assertThat(node.path("ratio_to_baseline").isNumber()).as(stage).isTrue();
            assertThat(node.path("baseline").asText()).as(stage).isNotBlank();
        }
        // Enrich warmed up on at least one chunk of fresh copies besides ingest's warm-up papers, in its own topics.
        JsonNode enrich = json.path("stages").path("enrich");
        assertThat(enrich.path("warm_up_papers").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(enrich.path("warm_up_papers_per_second").isNumber()).isTrue();
        assertThat(enrich.path("warm_up_jit_settled").isBoolean()).isTrue();
        JsonNode matching = json.path("stages").path("notify_matching");
        for (String field : List.of("papers_per_second", "papers_per_cpu_second", "matches_per_paper",
                "candidate_queries_per_paper", "matched_share_of_subscriptions", "subscription_load_seconds",
                "warm_up_papers_per_second")) {
            assertThat(matching.path(field).isNumber()).as("notify_matching." + field).isTrue();
        }
        // The warm-up matches every paper of the measured set at least once before the timed pass.
        assertThat(matching.path("warm_up_papers").asLong()).isGreaterThanOrEqualTo(report.counts().matched());
        assertThat(matching.path("matches_per_paper").asDouble() * report.counts().matched())
                .isCloseTo(report.counts().matcherMatches(), org.assertj.core.data.Offset.offset(0.5));
        for (String field : List.of("p50_ms", "p95_ms", "p99_ms", "max_ms", "achieved_rate_papers_per_second")) {
            assertThat(json.path("latency").path(field).isNumber()).as("latency." + field).isTrue();
        }
        assertThat(json.path("latency").path("p50_ms").asDouble())
                .isLessThanOrEqualTo(json.path("latency").path("p99_ms").asDouble());
        assertThat(json.path("memory").path("peak_heap_bytes").asLong()).isPositive();
        assertThat(json.path("goals")).hasSize(6);
        json.path("goals").forEach(goal -> {
            assertThat(goal.path("name").asText()).isNotBlank();
            assertThat(goal.has("met")).isTrue();
        });
        // Ingest and enrich are judged at any scale; the 100k-subscription goals are not judged at 1,000.
        assertThat(json.path("goals").get(0).path("met").isBoolean()).isTrue();
        assertThat(json.path("goals").get(2).path("met").isNull()).isTrue();
        json.path("checks").fields().forEachRemaining(e -> assertThat(e.getValue().asBoolean()).as(e.getKey()).isTrue());
        assertThat(json.path("counts").path("alerts").asLong()).isEqualTo(report.counts().alerts());
    }

    /**
     * The (subscription, paper) pairs a plain Lucene index over the enriched papers finds for each active
     * subscription's query, with the subscription's minimum trending score applied: notify's own document and query
     * builders, none of its matcher.
     */
    private static Set<String> plainLuceneMatches(List<EnrichedPaper> papers, List<SubscriptionSpec> subscriptions)
            throws IOException {
        Map<String, EnrichedPaper> byKey = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        try (PaperAnalyzer analyzer = new PaperAnalyzer();
             ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (EnrichedPaper paper : papers) {
                    Document document = PaperDocument.of(paper, analyzer).toLuceneDocument();
                    document.add(new StringField(PAPER_KEY_FIELD, paper.getPaper().getKey(), Field.Store.YES));
                    writer.addDocument(document);
                    byKey.put(paper.getPaper().getKey(), paper);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (SubscriptionSpec spec : subscriptions) {
                    if (!spec.active() || spec.query() == null) {
                        continue;
                    }
                    for (ScoreDoc hit : searcher.search(SubscriptionQuery.parse(spec.query()).query(),
                            reader.maxDoc()).scoreDocs) {
                        String key = searcher.storedFields().document(hit.doc).get(PAPER_KEY_FIELD);
                        Double minTrending = spec.minTrendingScore();
                        if (minTrending == null || byKey.get(key).getTrendingScore() >= minTrending) {
                            pairs.add(BenchEvidence.pair(spec.id(), key));
                        }
                    }
                }
            }
        }
        return pairs;
    }
}
