package io.paperwire.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperwire.embedded.SharedData;
import io.paperwire.enrich.EnrichConfig;
import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.InMemoryRegistry;
import io.paperwire.enrich.PaperEnricher;
import io.paperwire.enrich.PaperText;
import io.paperwire.enrich.TestPapers;
import io.paperwire.enrich.keywords.InMemoryDocumentFrequencies;
import io.paperwire.enrich.store.ClassifierSnapshots;
import io.paperwire.enrich.store.StoreDocumentFrequencies;
import io.paperwire.enrich.tags.SubjectClassifier;
import io.paperwire.schemas.DeadLetter;
import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.SignalKind;
import io.paperwire.schemas.Tag;
import io.paperwire.schemas.TagKind;
import io.paperwire.schemas.TrendingScore;
import io.paperwire.schemas.serde.WireFormatException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

    /** The driver's wall clock at start: what enrichedAt and the trending "now" read. */
    private static final Instant START = Instant.parse("2024-11-28T12:00:00Z");
    /** The time dead letters are stamped with. */
    private static final Instant FAILURE_TIME = Instant.parse("2024-11-28T12:30:00Z");

    private static EnricherResources resources;

    @TempDir
    Path stateDir;

    private PaperwireTopics topics;
    private EnrichConfig config;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Paper> published;
    private TestInputTopic<String, EngagementSignal> signals;
    private TestOutputTopic<String, EnrichedPaper> enriched;
    private TestOutputTopic<String, TrendingScore> trending;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeAll
    static void loadResources() {
        resources = EnricherResources.load(Optional.empty());
    }

    @BeforeEach
    void startDriver() {
        topics = new PaperwireTopics(new InMemoryRegistry());
        config = EnrichConfig.defaults().withInstance("enrich-test", stateDir);
        openDriver();
    }

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    private void openDriver() {
        driver = new TopologyTestDriver(EnrichTopology.buildTopology(config, topics, () -> resources),
                EnrichTopology.streamsProperties(config, topics, Clock.fixed(FAILURE_TIME, ZoneOffset.UTC)), START);
        published = driver.createInputTopic(topics.published().name(), topics.published().keySerde().serializer(),
                topics.published().valueSerde().serializer());
        signals = driver.createInputTopic(topics.signals().name(), topics.signals().keySerde().serializer(),
                topics.signals().valueSerde().serializer());
        enriched = driver.createOutputTopic(topics.enriched().name(), topics.enriched().keySerde().deserializer(),
                topics.enriched().valueSerde().deserializer());
        trending = driver.createOutputTopic(topics.trending().name(), topics.trending().keySerde().deserializer(),
                topics.trending().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
                topics.deadLetters().keySerde().deserializer(), topics.deadLetters().valueSerde().deserializer());
    }

    private void publish(Paper paper) {
        published.pipeInput(paper.getKey(), paper, START);
    }

    /**
     * What the stream must write for {@code papers} in order, computed by a second {@link PaperEnricher} over
     * in-memory counts (one partition, so the task's counts are all counts), with the learning rules of the
     * topology: terms counted on a key's first event, the classifier trained once per key.
     */
    private List<KeyValue<String, EnrichedPaper>> expectedOutput(List<Paper> papers, String versionSuffix) {
        PaperEnricher reference = new PaperEnricher(resources, new InMemoryDocumentFrequencies(),
                resources.newSubjectClassifier(), versionSuffix);
        Map<String, Boolean> trained = new HashMap<>();
        List<KeyValue<String, EnrichedPaper>> expected = new ArrayList<>();
        for (Paper paper : papers) {
            boolean first = !trained.containsKey(paper.getKey());
            boolean wasTrained = trained.getOrDefault(paper.getKey(), false);
            PaperEnricher.Result result = reference.enrich(new PaperText(paper.getKey(), paper.getTitle(),
                    paper.getAbstractText(), paper.getCategories()), first, !wasTrained);
            trained.put(paper.getKey(), wasTrained || result.trained());
            expected.add(KeyValue.pair(paper.getKey(), EnrichedPaper.newBuilder()
                    .setPaper(paper)
                    .setKeywords(result.enrichment().avroKeywords())
                    .setTags(result.enrichment().avroTags())
                    .setTrendingScore(0.0)
                    .setEnricherVersion(reference.enricherVersion())
                    .setEnrichedAt(START)
                    .build()));
        }
        return expected;
    }

    @Test
    void shouldEnrichRealArxivPapersIncludingLatexAndOldStyleIds() {
        Optional<Path> snapshot = SharedData.file(TestPapers.SNAPSHOT);
        assumeTrue(snapshot.isPresent(), SharedData.skipReason(TestPapers.SNAPSHOT));
        List<Paper> papers = new ArrayList<>(TestPapers.fromSnapshot(snapshot.get(), "0704.0001", "0704.0002",
                "0704.0011"));
        papers.add(TestPapers.paper("hep-th/9901001", 1,
                "Brane worlds with a warped extra dimension and the $\\Lambda_{\\alpha}$ problem",
                "We study brane world models in which a single warped extra dimension couples to a bulk scalar "
                        + "field. The effective cosmological constant $\\Lambda_{\\alpha}$ on the brane is computed "
                        + "for \\emph{arbitrary} scalar potentials, and we show that the warped geometry relaxes "
                        + "the brane tension. Stability of the brane world under scalar perturbations is shown.",
                "hep-th", "gr-qc"));
        papers.forEach(this::publish);

        List<KeyValue<String, EnrichedPaper>> output = enriched.readKeyValuesToList();

        assertThat(output).isEqualTo(expectedOutput(papers, ""));
        assertThat(output).extracting(kv -> kv.key).containsExactly("arxiv:0704.0001", "arxiv:0704.0002",
                "arxiv:0704.0011", "arxiv:hep-th/9901001");
        for (KeyValue<String, EnrichedPaper> record : output) {
            EnrichedPaper paper = record.value;
            assertThat(paper.getKeywords()).hasSizeBetween(5, 15);
            assertThat(paper.getKeywords()).extracting(Keyword::getPhrase)
                    .allSatisfy(phrase -> assertThat(phrase).doesNotContain("$", "\\", "{", "}"));
            assertThat(paper.getEnricherVersion()).isEqualTo(PaperEnricher.enricherVersion(resources, ""));
        }
        assertThat(output.get(0).value.getTags().get(0)).isEqualTo(Tag.newBuilder().setTag("hep-ph")
                .setLabel("High Energy Physics - Phenomenology").setKind(TagKind.SUBJECT).setConfidence(1.0)
                .setOrigin("source").setEvidence("primary category").build());
        assertThat(output.get(1).value.getTags()).extracting(Tag::getTag).startsWith("math.CO", "cs.CG");
        assertThat(output.get(3).value.getTags()).extracting(Tag::getTag).startsWith("hep-th", "gr-qc");
        assertThat(output.get(3).value.getPaper().getArxivId()).isEqualTo("hep-th/9901001");
        assertThat(trending.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldEnrichEveryNewVersionAgainButCountThePaperOnce() {
        Paper first = TestPapers.paper("2411.00001", 1, "Sparse mixture-of-experts language models",
                "We train sparse mixture-of-experts (MoE) language models whose router sends each token to two "
                        + "experts. Load balancing losses keep the experts busy, and the models match dense "
                        + "transformers at a fraction of the compute.", "cs.CL", "cs.LG");
        Paper second = Paper.newBuilder(first).setVersion(2)
                .setKind(io.paperwire.schemas.PaperEventKind.NEW_VERSION)
                .setAbstractText(first.getAbstractText() + " Version 2 adds an expert-choice router ablation.")
                .build();

        // the document counts reach the changelog in the commit of the paper's output (the driver commits after
        // every record), once per count however many writes the paper made, and not again for the new version
        org.apache.kafka.streams.TestOutputTopic<String, Long> countsChangelog = driver.createOutputTopic(
                "enrich-test-" + EnrichTopology.DOCUMENT_FREQUENCIES_STORE + "-changelog",
                org.apache.kafka.common.serialization.Serdes.String().deserializer(),
                org.apache.kafka.common.serialization.Serdes.Long().deserializer());
        publish(first);
        List<KeyValue<String, Long>> countsOfFirst = countsChangelog.readKeyValuesToList();
        assertThat(countsOfFirst).contains(KeyValue.pair(StoreDocumentFrequencies.DOC_COUNT_KEY, 1L))
                .hasSizeGreaterThan(10).allSatisfy(count -> assertThat(count.value).isEqualTo(1L));
        assertThat(countsOfFirst).extracting(count -> count.key).doesNotHaveDuplicates();
        publish(second);
        assertThat(countsChangelog.isEmpty()).isTrue();

        List<KeyValue<String, EnrichedPaper>> output = enriched.readKeyValuesToList();
        assertThat(output).isEqualTo(expectedOutput(List.of(first, second), ""));
        assertThat(output).extracting(kv -> kv.value.getPaper().getVersion()).containsExactly(1, 2);
        KeyValueStore<String, Long> frequencies = driver.getKeyValueStore(EnrichTopology.DOCUMENT_FREQUENCIES_STORE);
        assertThat(frequencies.get(StoreDocumentFrequencies.DOC_COUNT_KEY)).isEqualTo(1L);
        KeyValueStore<String, Integer> seen = driver.getKeyValueStore(EnrichTopology.PAPERS_SEEN_STORE);
        assertThat(seen.get("arxiv:2411.00001")).isEqualTo(EnrichProcessor.COUNTED | EnrichProcessor.TRAINED);
    }

    @Test
    void shouldNameTheConfiguredVersionSuffixInTheEnricherVersion() {
        closeDriver();
        config = config.withVersionSuffix("reenrich-2");
        openDriver();
        Paper paper = TestPapers.paper("2411.00002", 1, "Red teaming of large language models",
                "Red teaming finds failures of large language models before release. We compare human and "
                        + "automated red teaming on jailbreak prompts and measure attack success rates.", "cs.CL");

        publish(paper);

        EnrichedPaper output = enriched.readValue();
        assertThat(output.getEnricherVersion())
                .isEqualTo(PaperEnricher.enricherVersion(resources, "") + "+reenrich-2")
                .startsWith(PaperEnricher.KEYWORD_METHOD_VERSION + "+arxiv-" + resources.arxivTaxonomy().version());
        assertThat(List.of(KeyValue.pair(paper.getKey(), output))).isEqualTo(expectedOutput(List.of(paper),
                "reenrich-2"));
    }

    @Test
    void shouldDeadLetterUnreadableBytesAndKeepEnriching() {
        // TopologyTestDriver under exactly-once drops a record sent while deserializing: it commits only after a
        // record was processed and clears the mock producer's uncommitted sends before that. The handler is the
        // same under both guarantees; the exactly-once run on a real broker (EnrichExactlyOnceTest) covers EOS.
        closeDriver();
        config = config.withStreamsOverrides(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.AT_LEAST_ONCE));
        openDriver();
        Paper before = TestPapers.paper("2411.00003", 1, "Quantum error correction with surface codes",
                "Surface codes protect logical qubits against local noise. We simulate lattice surgery on a "
                        + "superconducting processor and estimate logical error rates.", "quant-ph");
        Paper after = TestPapers.paper("2411.00004", 1, "Statistical mechanics of glasses",
                "We study the statistical mechanics of structural glasses with replica methods and compute the "
                        + "configurational entropy near the glass transition.", "cond-mat.stat-mech");
        TestInputTopic<byte[], byte[]> raw = driver.createInputTopic(topics.published().name(),
                new ByteArraySerializer(), new ByteArraySerializer());
        byte[] garbageKey = "arxiv:garbage".getBytes(StandardCharsets.UTF_8);
        byte[] garbageValue = "{\"title\": \"not Avro\"}".getBytes(StandardCharsets.UTF_8);

        publish(before);
        raw.pipeInput(garbageKey, garbageValue, START);
        publish(after);

        assertThat(enriched.readKeyValuesToList()).isEqualTo(expectedOutput(List.of(before, after), ""));
        List<TestRecord<String, DeadLetter>> letters = deadLetters.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).key()).isEqualTo("enrich:papers.published/0@1");
        DeadLetter letter = letters.get(0).value();
        assertThat(letter.getErrorMessage()).contains("papers.published");
        assertThat(letter).isEqualTo(DeadLetter.newBuilder()
                .setStage("enrich")
                .setOriginalTopic("papers.published")
                .setPartition(0)
                .setOffset(1L)
                .setKey(ByteBuffer.wrap(garbageKey))
                .setValue(ByteBuffer.wrap(garbageValue))
                .setErrorClass(WireFormatException.class.getName())
                .setErrorMessage(letter.getErrorMessage())
                .setOccurredAt(FAILURE_TIME)
                .build());
    }

    @Test
    void shouldDeadLetterASignalThatCannotBeProcessedAndKeepScoring() {
        EngagementSignal negative = signal("arxiv:2411.00005", SignalKind.UPVOTE, -3, START.minusSeconds(60));
        EngagementSignal valid = signal("arxiv:2411.00005", SignalKind.UPVOTE, 4, START.minusSeconds(30));

        signals.pipeInput(negative.getPaperKey(), negative, START);
        signals.pipeInput(valid.getPaperKey(), valid, START);

        List<TestRecord<String, DeadLetter>> letters = deadLetters.readRecordsToList();
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0).value();
        assertThat(letter.getOriginalTopic()).isEqualTo("papers.signals");
        assertThat(letter.getPartition()).isEqualTo(0);
        assertThat(letter.getOffset()).isEqualTo(0L);
        assertThat(letter.getErrorClass()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(letter.getErrorMessage()).contains("cannot be negative");
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(topics.signals().valueSerde().serializer()
                .serialize(topics.signals().name(), negative)));
        assertThat(trending.readValuesToList()).extracting(TrendingScore::getUpvotes).containsExactly(4L);
    }

    @Test
    void shouldScoreSignalsIntoTheTrendingTableAndJoinTheScoreIntoEnrichedPapers() {
        String key = "arxiv:2411.00006";
        Instant upvotedAt = START.minus(Duration.ofHours(2));
        Instant commentedAt = START.minus(Duration.ofHours(1));

        signals.pipeInput(key, signal(key, SignalKind.UPVOTE, 10, upvotedAt), START);
        signals.pipeInput(key, signal(key, SignalKind.COMMENT, 2, commentedAt), START);
        signals.pipeInput(key, signal(key, SignalKind.UPVOTE, 7, upvotedAt.minusSeconds(1)), START);

        double dayScore = 10 * Math.pow(2, -2.0 / 6) + 3 * 2 * Math.pow(2, -1.0 / 6);
        List<TestRecord<String, TrendingScore>> scores = trending.readRecordsToList();
        assertThat(scores).hasSize(2);
        TrendingScore latest = scores.get(1).value();
        assertThat(latest.getScore()).isCloseTo(dayScore, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(latest).isEqualTo(TrendingScore.newBuilder().setPaperKey(key).setScore(latest.getScore())
                .setUpvotes(10).setComments(2).setStars(0).setWindow("P1D").setUpdatedAt(commentedAt).build());
        double weekScore = 10 * Math.pow(2, -2.0 / 48) + 3 * 2 * Math.pow(2, -1.0 / 48);
        assertThat(Double.parseDouble(new String(scores.get(1).headers()
                .lastHeader(TrendingProcessor.WEEK_SCORE_HEADER).value(), StandardCharsets.UTF_8)))
                .isCloseTo(weekScore, org.assertj.core.data.Offset.offset(1e-9));

        Paper paper = TestPapers.paper("2411.00006", 1, "In-context learning in transformers",
                "We explain in-context learning of transformers as implicit gradient descent and test the "
                        + "account on synthetic regression tasks.", "cs.LG");
        publish(paper);
        assertThat(enriched.readValue().getTrendingScore()).isEqualTo(latest.getScore());

        driver.advanceWallClockTime(Duration.ofHours(1));
        TrendingScore decayed = trending.readValue();
        assertThat(decayed.getScore()).isCloseTo(10 * Math.pow(2, -3.0 / 6) + 6 * Math.pow(2, -2.0 / 6),
                org.assertj.core.data.Offset.offset(1e-9));

        driver.advanceWallClockTime(Duration.ofDays(8));
        List<TestRecord<String, TrendingScore>> quiet = trending.readRecordsToList();
        assertThat(quiet).hasSize(1);
        assertThat(quiet.get(0).key()).isEqualTo(key);
        assertThat(quiet.get(0).value()).isNull();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldTagPapersWithoutCategoriesWithLearnedSubjectsAndSnapshotTheClassifier() {
        Optional<Path> snapshot = SharedData.file(TestPapers.SNAPSHOT);
        assumeTrue(snapshot.isPresent(), SharedData.skipReason(TestPapers.SNAPSHOT));
        List<Paper> training = TestPapers.fromSnapshot(snapshot.get(), 60);
        training.forEach(this::publish);
        Paper uncategorised = TestPapers.paper("2411.00007", 1, "Dark matter halos of dwarf galaxies",
                "We measure rotation curves of dwarf galaxies and fit cored dark matter halo profiles. The "
                        + "stellar feedback in the simulations flattens the central density of the halos.");
        publish(uncategorised);

        List<KeyValue<String, EnrichedPaper>> output = enriched.readKeyValuesToList();
        List<Paper> all = new ArrayList<>(training);
        all.add(uncategorised);
        assertThat(output).isEqualTo(expectedOutput(all, ""));
        List<Tag> tags = output.get(output.size() - 1).value.getTags();
        assertThat(tags).filteredOn(t -> t.getKind() == TagKind.LEARNED_SUBJECT).isNotEmpty()
                .hasSizeLessThanOrEqualTo(PaperEnricher.LEARNED_MAX_TAGS)
                .allSatisfy(t -> assertThat(t.getOrigin()).isEqualTo("classifier:" + SubjectClassifier.VERSION));
        assertThat(tags).noneMatch(t -> t.getKind() == TagKind.SUBJECT);

        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(EnrichTopology.CLASSIFIER_STORE);
        assertThat(store.get(ClassifierSnapshots.COUNT_KEY)).isNull();
        driver.advanceWallClockTime(config.classifierSnapshotInterval());
        assertThat(new ClassifierSnapshots(store).restore(resources).trainedPapers())
                .isEqualTo(training.size());
    }

    private static EngagementSignal signal(String key, SignalKind kind, long count, Instant observedAt) {
        return EngagementSignal.newBuilder().setPaperKey(key).setKind(kind).setCount(count)
                .setObservedAt(observedAt).setSource("hf-daily").build();
    }
}
