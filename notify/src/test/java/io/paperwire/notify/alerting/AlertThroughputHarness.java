package io.paperwire.notify.alerting;

import static org.awaitility.Awaitility.await;

import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.notify.NotifyConfig;
import io.paperwire.notify.matching.MatchStats;
import io.paperwire.notify.matching.PaperMatcher;
import io.paperwire.notify.matching.SubscriptionGenerator;
import io.paperwire.notify.matching.SubscriptionSpec;
import io.paperwire.notify.matching.TestPapers;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import io.paperwire.schemas.Topic;
import io.paperwire.schemas.serde.AvroSerdeConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.LoggerFactory;

/**
 * Measures what the notify alerting topology costs per paper and per alert; not a test (run by hand, asserts
 * nothing). In one process: the embedded broker, the real registry, {@code N} generated subscriptions on
 * {@code subscriptions}, and {@link AlertTopology} (its real topology and Streams properties) run by a
 * {@link KafkaStreams}. It publishes a warm-up set of enriched papers, waits until they are consumed, then publishes
 * the measured set and waits again, and prints the process CPU per paper and per alert, split by thread (stream
 * threads, their producers' I/O threads, the global thread, broker and registry, the harness itself, and what no Java
 * thread accounts for: GC, JIT, RocksDB's native threads), plus the matcher's own share measured on the harness
 * thread over the same papers.
 *
 * <p>Papers: the shared arXiv sample with the matching tests' stand-in enrichment ({@code TestPapers} of the
 * matching test package), replicated with distinct keys.
 *
 * <pre>
 * mvn -q -B -o -pl notify test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/notify.cp \
 *     -Dmdep.includeScope=test
 * java -Xmx6g -cp "notify/target/classes:notify/target/test-classes:$(cat /tmp/notify.cp)" \
 *     io.paperwire.notify.alerting.AlertThroughputHarness --subscriptions 100000 --papers 1000
 * </pre>
 * Flags: {@code --subscriptions N} (100000), {@code --papers P} measured (1000), {@code --warmup W} (300),
 * {@code --threads T} stream threads (the notify default), {@code --seed S} (42), {@code --set KEY=VALUE} a notify
 * or Kafka Streams setting (repeatable), e.g. {@code --set producer.compression.type=none}.
 */
public final class AlertThroughputHarness {

    private static final Duration PATIENCE = Duration.ofMinutes(15);
    private static final int PARTITIONS = 3;
    private static final String APPLICATION_ID = "harness-notify";

    private AlertThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        // Without a configuration logback logs DEBUG: that would measure the logging, not the service.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int subscriptionCount = 100_000;
        int paperCount = 1_000;
        int warmupCount = 300;
        int threads = NotifyConfig.DEFAULT_STREAM_THREADS;
        long seed = 42;
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--subscriptions" -> subscriptionCount = Integer.parseInt(args[++i]);
                case "--papers" -> paperCount = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupCount = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--set" -> {
                    String[] keyValue = args[++i].split("=", 2);
                    settings.put(keyValue[0], keyValue[1]);
                }
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        List<EnrichedPaper> base = arxivSample();
        List<EnrichedPaper> papers = TestPapers.replicate(base, warmupCount + paperCount);
        List<EnrichedPaper> warmup = papers.subList(0, warmupCount);
        List<EnrichedPaper> measured = papers.subList(warmupCount, papers.size());
        List<String> seedKeys = base.stream().limit(200).map(p -> p.getPaper().getKey()).toList();
        List<SubscriptionSpec> specs = new SubscriptionGenerator(seed, seedKeys,
                SubscriptionGenerator.DEFAULT_SIMILARITY_SHARE).generate(subscriptionCount);

        Path dataDir = Files.createTempDirectory("alert-harness");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("broker"));
             SchemaRegistryServer registry = SchemaRegistryServer.start(
                     RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0))) {
            PaperwireTopics topics = PaperwireTopics.fromConfig(
                    Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString()));
            kafka.createTopics(List.of(
                    new NewTopic(topics.enriched().name(), PARTITIONS, (short) 1),
                    new NewTopic(topics.subscriptions().name(), 1, (short) 1).configs(
                            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
                    new NewTopic(topics.alerts().name(), PARTITIONS, (short) 1),
                    new NewTopic(topics.deadLetters().name(), 1, (short) 1)));
            settings.put("num.stream.threads", Integer.toString(threads));
            NotifyConfig config = NotifyConfig.fromMap(settings)
                    .withServers(kafka.bootstrapServers(), registry.url().toString())
                    .withInstance(APPLICATION_ID, dataDir.resolve("state"));

            try (Producer<byte[], byte[]> producer = producer(kafka)) {
                Instant now = Instant.now();
                for (SubscriptionSpec spec : specs) {
                    send(producer, topics.subscriptions(), spec.id(), toRecord(spec, now));
                }
                producer.flush();
            }
            System.out.printf(Locale.ROOT, "%d subscriptions published; %d warm-up and %d measured papers "
                    + "(replicas of %d), %d stream threads, settings %s%n", specs.size(), warmup.size(),
                    measured.size(), base.size(), threads, settings);

            try (PaperMatcher matcher = PaperMatcher.create();
                 KafkaStreams streams = new KafkaStreams(AlertTopology.buildTopology(config, topics, matcher),
                         AlertTopology.streamsProperties(config, topics, Clock.systemUTC()))) {
                streams.start();
                await().atMost(PATIENCE).until(() -> streams.state() == KafkaStreams.State.RUNNING);
                publish(kafka, topics, warmup);
                awaitConsumed(kafka, topics);
                long alertsBefore = countAlerts(kafka, topics);

                CpuSnapshot start = CpuSnapshot.take();
                MatchStats statsBefore = matcher.stats();
                long wallStart = System.nanoTime();
                publish(kafka, topics, measured);
                awaitConsumed(kafka, topics);
                double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
                CpuSnapshot end = CpuSnapshot.take();
                MatchStats statsAfter = matcher.stats();
                long alerts = countAlerts(kafka, topics) - alertsBefore;

                report(start, end, measured.size(), alerts, wallSeconds, statsBefore, statsAfter);
                matchingAlone(matcher, measured);
                streams.close(Duration.ofSeconds(30));
            }
        }
    }

    private static void report(CpuSnapshot start, CpuSnapshot end, int papers, long alerts, double wallSeconds,
                               MatchStats before, MatchStats after) {
        Map<String, Long> byGroup = end.minus(start);
        long process = end.processNanos - start.processNanos;
        long threads = byGroup.values().stream().mapToLong(Long::longValue).sum();
        long harness = byGroup.getOrDefault("harness (publishing the papers)", 0L);
        long service = process - harness;
        System.out.printf(Locale.ROOT, "measured %d papers, %d alerts (%.1f per paper) in %.1f s wall clock "
                        + "(%.0f papers/s; machine load %.1f)%n", papers, alerts, (double) alerts / papers, wallSeconds,
                papers / wallSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "process CPU without the harness: %.0f us per paper, %.1f us per alert "
                        + "(%.0f papers per CPU-second)%n", service / 1e3 / papers, service / 1e3 / Math.max(1, alerts),
                papers / (service / 1e9));
        byGroup.put("no Java thread (GC, JIT, RocksDB native)", process - threads);
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-45s %8.0f us/paper %6.1f%%%n", e.getKey(),
                        e.getValue() / 1e3 / papers, 100.0 * e.getValue() / process));
        long matched = after.papers() - before.papers();
        System.out.printf(Locale.ROOT, "  matcher inside the stream threads (wall time): %.0f us/paper over %d "
                        + "papers%n", ((after.analysisNanos() - before.analysisNanos())
                        + (after.monitorNanos() - before.monitorNanos())
                        + (after.fanOutNanos() - before.fanOutNanos())) / 1e3 / Math.max(1, matched), matched);
    }

    /** The matcher alone over the same papers on this thread: its CPU per paper, the floor of the service's. */
    private static void matchingAlone(PaperMatcher matcher, List<EnrichedPaper> papers) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu = mx.getCurrentThreadCpuTime();
        long matches = 0;
        for (EnrichedPaper paper : papers) {
            matches += matcher.match(paper).size();
        }
        long used = mx.getCurrentThreadCpuTime() - cpu;
        System.out.printf(Locale.ROOT, "matching alone (harness thread, after the run): %.0f us CPU per paper, "
                + "%.1f matches per paper%n", used / 1e3 / papers.size(), (double) matches / papers.size());
    }

    /** CPU time of the process and of every live thread, grouped by what the thread does. */
    private record CpuSnapshot(long processNanos, Map<Long, Long> threadNanos, Map<Long, String> groups) {

        static CpuSnapshot take() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<Long, Long> nanos = new HashMap<>();
            Map<Long, String> groups = new HashMap<>();
            for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = mx.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    nanos.put(info.getThreadId(), cpu);
                    groups.put(info.getThreadId(), group(info.getThreadName()));
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new CpuSnapshot(process, nanos, groups);
        }

        Map<String, Long> minus(CpuSnapshot earlier) {
            Map<String, Long> byGroup = new LinkedHashMap<>();
            threadNanos.forEach((id, cpu) -> byGroup.merge(groups.get(id),
                    cpu - earlier.threadNanos.getOrDefault(id, 0L), Long::sum));
            return byGroup;
        }

        private static String group(String name) {
            if (name.startsWith("kafka-producer-network-thread") && name.contains(APPLICATION_ID)) {
                return "stream producers' I/O threads";
            }
            if (name.contains("GlobalStreamThread")) {
                return "global thread (subscriptions)";
            }
            if (name.contains("StreamThread")) {
                return "stream threads (match, ledger, serialise)";
            }
            if (name.equals("main") || name.contains("harness")) {
                return "harness (publishing the papers)";
            }
            return "broker, registry and the rest";
        }
    }

    private static void publish(EmbeddedKafka kafka, PaperwireTopics topics, List<EnrichedPaper> papers)
            throws Exception {
        try (Producer<byte[], byte[]> producer = producer(kafka)) {
            for (EnrichedPaper paper : papers) {
                send(producer, topics.enriched(), paper.getPaper().getKey(), paper);
            }
            producer.flush();
        }
    }

    /** Waits until the app's committed offsets on papers.enriched reach the end of every partition. */
    private static void awaitConsumed(EmbeddedKafka kafka, PaperwireTopics topics) {
        try (Admin admin = kafka.admin()) {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (int p = 0; p < PARTITIONS; p++) {
                    latest.put(new TopicPartition(topics.enriched().name(), p), OffsetSpec.latest());
                }
                var ends = admin.listOffsets(latest).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APPLICATION_ID)
                        .partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset());
            });
        }
    }

    /** Committed alerts on the topic, counted without decoding them. */
    private static long countAlerts(EmbeddedKafka kafka, PaperwireTopics topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "harness-alert-counter",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topics.alerts().name()).stream()
                    .map(p -> new TopicPartition(topics.alerts().name(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    private static Producer<byte[], byte[]> producer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "harness-producer",
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static <V> void send(Producer<byte[], byte[]> producer, Topic<String, V> topic, String key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    private static Subscription toRecord(SubscriptionSpec spec, Instant now) {
        return Subscription.newBuilder()
                .setId(spec.id())
                .setOwnerEmail("harness@example.org")
                .setName("harness " + spec.id())
                .setQuery(spec.query())
                .setSimilarTo(spec.seeds())
                .setSimilarityThreshold(spec.similarityThreshold())
                .setMinTrendingScore(spec.minTrendingScore())
                .setEmailInstant(false)
                .setFeed(true)
                .setStatus(spec.active() ? SubscriptionStatus.ACTIVE : SubscriptionStatus.PAUSED)
                .setUnsubscribeToken("harness-" + spec.id())
                .setCreatedAt(now)
                .setUpdatedAt(now)
                .build();
    }

    private static List<EnrichedPaper> arxivSample() {
        return TestPapers.arxivSample().orElseThrow(() -> new IllegalStateException("the shared arXiv sample is absent ("
                + "data/arxiv-metadata-oai-snapshot.sample1000.jsonl)"));
    }
}
