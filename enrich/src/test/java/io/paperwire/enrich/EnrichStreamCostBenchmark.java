package io.paperwire.enrich;

import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.enrich.topology.EnrichTopology;
import io.paperwire.enrich.topology.PrecomputedEnrichProcessor;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.TopicNames;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Process CPU per paper of the real enrich app in the stream, against a byte pass-through exactly-once app over the
 * same records, in one JVM with the embedded broker and the registry (as {@code paperwire bench} runs them). Input:
 * the shared arXiv sample replicated under fresh keys to {@code count} papers on {@code papers.published}
 * (2 partitions). Each round runs pass-through, then enrich, each with a fresh application id (so every paper is new
 * to the enrich stores) and the Streams properties {@link EnrichTopology#streamsProperties} gives. CPU is counted from
 * the moment the client or one of its stream threads is {@code RUNNING} to the last committed output record, and split by thread group (stream threads,
 * producer I/O threads, broker, the rest). Mode {@code floor} runs the real topology with the enricher's results
 * looked up instead of computed ({@link PrecomputedEnrichProcessor}): what the topology costs around the enricher.
 * Prints figures, asserts nothing; run by hand:
 *
 * <pre>
 * java -cp ... [-Dcost.streams.commit.interval.ms=1000] io.paperwire.enrich.EnrichStreamCostBenchmark SAMPLE.jsonl \
 *     [papers=4000] [rounds=2] [modes=pass,enrich,floor]
 * </pre>
 * Each {@code -Dcost.streams.NAME=VALUE} is passed to both apps as an enrich/Streams setting;
 * {@code -Dcost.segment=N} also prints the figures of every N output records (cold to warm in one run).
 */
public final class EnrichStreamCostBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int PARTITIONS = 2;
    private static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("cost.timeout.minutes", 4));
    private static final long SEGMENT = Long.getLong("cost.segment", 0);

    private EnrichStreamCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path sample = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> modes = List.of((args.length > 3 ? args[3] : "pass,enrich").split(","));
        List<Paper> base = TestPapers.fromSnapshot(sample, Integer.MAX_VALUE);
        Path dir = Files.createTempDirectory("enrich-stream-cost");
        EnricherResources resources = EnricherResources.load(Optional.empty());
        PrecomputedEnrichProcessor.Results precomputed = modes.contains("floor")
                ? PrecomputedEnrichProcessor.precompute(resources, base) : null;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("broker"));
             SchemaRegistryServer registry = SchemaRegistryServer.start(
                     RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0))) {
            PaperwireTopics topics = PaperwireTopics.fromConfig(Map.of("schema.registry.url",
                    registry.url().toString()));
            List<NewTopic> newTopics = new ArrayList<>(List.of(
                    new NewTopic(topics.published().name(), PARTITIONS, (short) 1),
                    new NewTopic(topics.signals().name(), PARTITIONS, (short) 1),
                    new NewTopic(topics.enriched().name(), PARTITIONS, (short) 1),
                    new NewTopic(topics.trending().name(), PARTITIONS, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic(topics.deadLetters().name(), 1, (short) 1)));
            for (int round = 0; round < rounds; round++) {
                newTopics.add(new NewTopic("bench-pass-out-" + round, PARTITIONS, (short) 1));
                newTopics.add(new NewTopic(roundTopics(registry, round).enriched().name(), PARTITIONS, (short) 1));
            }
            kafka.createTopics(newTopics);
            produce(kafka, topics, base, count);
            System.out.printf(Locale.ROOT, "produced %d papers (%d sample papers replicated)%n", count, base.size());
            for (int round = 0; round < rounds; round++) {
                for (String mode : modes) {
                    EnrichConfig config = EnrichConfig.defaults()
                            .withServers(kafka.bootstrapServers(), registry.url().toString())
                            .withInstance("cost-" + mode + "-" + round, dir.resolve("state-" + mode + "-" + round))
                            .withStreamsOverrides(streamsOverrides());
                    PaperwireTopics own = roundTopics(registry, round);
                    Properties props = EnrichTopology.streamsProperties(config, own, Clock.systemUTC());
                    Topology topology;
                    String output;
                    if (mode.equals("pass")) {
                        output = "bench-pass-out-" + round;
                        topology = passThrough(topics.published().name(), output);
                    } else if (mode.equals("floor")) {
                        output = own.enriched().name();
                        topology = PrecomputedEnrichProcessor.topology(config, own, precomputed);
                    } else {
                        output = own.enriched().name();
                        topology = EnrichTopology.buildTopology(config, own, () -> resources);
                    }
                    run(mode, round, kafka, topology, props, output, count);
                }
            }
        }
    }

    /** {@code replication.factor=1} and every {@code -Dcost.streams.NAME=VALUE} system property as NAME=VALUE. */
    private static Map<String, String> streamsOverrides() {
        Map<String, String> overrides = new HashMap<>(Map.of("replication.factor", "1"));
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("cost.streams."))
                .forEach(n -> overrides.put(n.substring("cost.streams.".length()), System.getProperty(n)));
        return overrides;
    }

    /** The standard topics, but an enriched topic of the round's own, so each round counts only its output. */
    private static PaperwireTopics roundTopics(SchemaRegistryServer registry, int round) {
        TopicNames d = TopicNames.defaults();
        return PaperwireTopics.fromConfig(new TopicNames(d.published(), d.signals(),
                d.enriched() + "-" + round, d.trending(), d.subscriptions(), d.alerts(), d.deliveries(),
                d.checkpoints(), d.deadLetters()), Map.of("schema.registry.url", registry.url().toString()));
    }

    private static void run(String mode, int round, EmbeddedKafka kafka, Topology topology, Properties props,
                            String output, int count) throws Exception {
        try (KafkaStreams streams = new KafkaStreams(topology, props);
             KafkaConsumer<byte[], byte[]> consumer = committedReader(kafka)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(output, p));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> start = consumer.endOffsets(partitions);
            partitions.forEach(p -> consumer.seek(p, start.get(p)));
            streams.start();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            // A stream thread processes as soon as it is RUNNING, which can be well before the client is: the clock
            // starts at the first of the two, and output seen before that (none expected) is still counted.
            long seen = 0;
            while (streams.state() != KafkaStreams.State.RUNNING && !anyThreadRunning(streams)) {
                seen += consumer.poll(Duration.ofMillis(5)).count();
                check(deadline, streams);
            }
            if (seen > 0) {
                System.out.printf(Locale.ROOT, "  (%d records were output before a stream thread was RUNNING)%n",
                        seen);
            }
            long cpu0 = processCpuNanos();
            long wall0 = System.nanoTime();
            Map<String, Long> threads0 = threadCpu();
            Map<String, Long> allocated0 = threadAllocated();
            long gc0 = gcMillis();
            Segment segment = new Segment(cpu0, wall0, threads0);
            while (seen < count) {
                seen += consumer.poll(Duration.ofMillis(50)).count();
                if (SEGMENT > 0 && seen >= segment.papers + SEGMENT && seen < count) {
                    segment = segment.print(seen);
                }
                if (System.nanoTime() > deadline) {
                    System.out.println(stallReport(kafka, props, output, consumer, partitions));
                    throw new IllegalStateException("gave up after " + seen + " of " + count + " records, state "
                            + streams.state());
                }
            }
            long cpu = processCpuNanos() - cpu0;
            long wall = System.nanoTime() - wall0;
            Map<String, Long> groups = groupByKind(threadCpu(), threads0);
            Map<String, Long> allocated = groupByKind(threadAllocated(), allocated0);
            long gc = gcMillis() - gc0;
            // GC and JIT threads are not Java threads: what the process spent beyond the Java threads
            groups.put("gcJit", cpu - groups.values().stream().mapToLong(Long::longValue).sum());
            StringBuilder split = new StringBuilder();
            groups.entrySet().removeIf(e -> e.getValue() < 2_000L * count);
            groups.forEach((kind, nanos) -> split.append(String.format(Locale.ROOT, " %s=%.0f", kind,
                    nanos / 1000.0 / count)));
            System.out.printf(Locale.ROOT, "round %d %-6s %6.0f µs CPU/paper, %5.0f papers/s wall; split µs/paper:%s%n",
                    round, mode, cpu / 1000.0 / count, count * 1e9 / wall, split);
            System.out.printf(Locale.ROOT, "        allocated KB/paper: stream=%.0f broker=%.0f all=%.0f; GC pauses %d ms%n",
                    allocated.getOrDefault("stream", 0L) / 1024.0 / count,
                    allocated.getOrDefault("broker", 0L) / 1024.0 / count,
                    allocated.values().stream().mapToLong(Long::longValue).sum() / 1024.0 / count, gc);
            streams.close(Duration.ofSeconds(30));
        }
    }

    /**
     * Figures since the last segment's end: printed every {@code -Dcost.segment=N} output records, so that one long
     * run shows enrich going from cold to warm (the JIT compiler's share included).
     */
    private record Segment(long papers, long cpu, long wall, Map<String, Long> threads, long compileMillis) {

        Segment(long cpu, long wall, Map<String, Long> threads) {
            this(0, cpu, wall, threads, compilerMillis());
        }

        Segment print(long seen) {
            long nowCpu = processCpuNanos();
            long nowWall = System.nanoTime();
            Map<String, Long> nowThreads = threadCpu();
            long nowCompile = compilerMillis();
            long n = seen - papers;
            Map<String, Long> groups = groupByKind(nowThreads, threads);
            long inThreads = groups.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "  papers %6d-%6d: %5.0f µs CPU/paper, %5.0f papers/s; stream=%.0f broker=%.0f"
                            + " gcJit=%.0f (JIT compiling %.0f %% of wall)%n", papers, seen,
                    (nowCpu - cpu) / 1000.0 / n, n * 1e9 / (nowWall - wall),
                    groups.getOrDefault("stream", 0L) / 1000.0 / n, groups.getOrDefault("broker", 0L) / 1000.0 / n,
                    (nowCpu - cpu - inThreads) / 1000.0 / n, 100.0 * (nowCompile - compileMillis) * 1e6 / (nowWall - wall));
            return new Segment(seen, nowCpu, nowWall, nowThreads, nowCompile);
        }

        private static long compilerMillis() {
            return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        }
    }

    private static boolean anyThreadRunning(KafkaStreams streams) {
        return streams.metadataForLocalThreads().stream().anyMatch(t -> "RUNNING".equals(t.threadState()));
    }

    private static void check(long deadline, KafkaStreams streams) {
        if (System.nanoTime() > deadline || streams.state() == KafkaStreams.State.ERROR
                || streams.state() == KafkaStreams.State.PENDING_ERROR) {
            throw new IllegalStateException("gave up in state " + streams.state());
        }
    }

    private static Topology passThrough(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        return builder.build();
    }

    private static void produce(EmbeddedKafka kafka, PaperwireTopics topics, List<Paper> base, int count)
            throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<String, Paper> producer = new KafkaProducer<>(props,
                topics.published().keySerde().serializer(), topics.published().valueSerde().serializer())) {
            AtomicReference<Exception> failed = new AtomicReference<>();
            AtomicLong acknowledged = new AtomicLong();
            for (int i = 0; i < count; i++) {
                Paper paper = base.get(i % base.size());
                String key = paper.getKey() + "#" + (i / base.size());
                producer.send(new ProducerRecord<>(topics.published().name(), key,
                        Paper.newBuilder(paper).setKey(key).build()), (metadata, e) -> {
                            if (e != null) {
                                failed.compareAndSet(null, e);
                            } else {
                                acknowledged.incrementAndGet();
                            }
                        });
            }
            producer.flush();
            if (failed.get() != null || acknowledged.get() != count) {
                throw new IllegalStateException("the broker acknowledged " + acknowledged.get() + " of " + count
                        + " input papers", failed.get());
            }
        }
    }

    /**
     * Where the missing records are: the input's end offsets, the app's committed input offsets, the output's end
     * offsets and last stable offsets, and what the committed reader's position is.
     */
    private static String stallReport(EmbeddedKafka kafka, Properties props, String output,
                                      KafkaConsumer<byte[], byte[]> reader, List<TopicPartition> outputPartitions)
            throws Exception {
        StringBuilder report = new StringBuilder("stalled:");
        String input = TopicNames.defaults().published();
        List<TopicPartition> inputPartitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            inputPartitions.add(new TopicPartition(input, p));
        }
        Properties uncommitted = new Properties();
        uncommitted.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        uncommitted.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
             KafkaConsumer<byte[], byte[]> raw = new KafkaConsumer<>(uncommitted, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer())) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                    .listConsumerGroupOffsets(props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG))
                    .partitionsToOffsetAndMetadata().get();
            report.append(" input end ").append(raw.endOffsets(inputPartitions));
            report.append(", app committed ").append(committed);
            report.append(", output end ").append(raw.endOffsets(outputPartitions));
            report.append(", output last stable ").append(reader.endOffsets(outputPartitions));
            report.append(", dead letters end ").append(raw.endOffsets(List.of(new TopicPartition(
                    TopicNames.defaults().deadLetters(), 0))));
            report.append(", output records read_uncommitted ").append(countFromStart(raw, outputPartitions));
            try (KafkaConsumer<byte[], byte[]> fresh = committedReader(kafka)) {
                report.append(", read_committed ").append(countFromStart(fresh, outputPartitions));
            }
            report.append(", reader at ");
            outputPartitions.forEach(p -> report.append(p).append('=').append(reader.position(p)).append(' '));
        }
        return report.toString();
    }

    /** Records and distinct keys from offset 0 to the end (as the consumer's isolation level sees them). */
    private static String countFromStart(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        long records = 0;
        Set<String> keys = new HashSet<>();
        int empty = 0;
        while (empty < 20) {
            var polled = consumer.poll(Duration.ofMillis(100));
            empty = polled.isEmpty() ? empty + 1 : 0;
            for (var record : polled) {
                records++;
                keys.add(new String(record.key(), StandardCharsets.UTF_8));
            }
        }
        return records + " (" + keys.size() + " keys)";
    }

    private static KafkaConsumer<byte[], byte[]> committedReader(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Thread name → CPU nanoseconds, for live threads (names made unique by id). */
    private static Map<String, Long> threadCpu() {
        Map<String, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                long nanos = THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadName() + "#" + info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    /** Thread name → bytes allocated on the heap so far. */
    private static Map<String, Long> threadAllocated() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) THREADS;
        Map<String, Long> bytes = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                bytes.put(info.getThreadName() + "#" + info.getThreadId(),
                        threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return bytes;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** CPU spent since {@code before}, by kind of thread; threads that ended in between are not counted. */
    private static Map<String, Long> groupByKind(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> groups = new TreeMap<>();
        after.forEach((name, nanos) -> {
            long spent = nanos - before.getOrDefault(name, 0L);
            groups.merge(kind(name), spent, Long::sum);
        });
        return groups;
    }

    private static String kind(String name) {
        if (name.contains("StreamThread") && name.contains("producer")) {
            return "streamProducerIo";
        }
        if (name.contains("StreamThread")) {
            return "stream";
        }
        if (name.contains("kafka-producer-network-thread") || name.contains("consumer")) {
            return "clientIo";
        }
        if (name.startsWith("data-plane") || name.contains("request-handler") || name.contains("kafka-network")
                || name.contains("broker") || name.contains("raft") || name.contains("quorum")
                || name.contains("controller") || name.contains("Log") || name.contains("log-")
                || name.contains("ReplicaFetcher") || name.contains("ExpirationReaper") || name.contains("group-")
                || name.contains("kafka-scheduler") || name.contains("transaction") || name.contains("share")
                || name.contains("Txn") || name.contains("executor-") || name.contains("metadata-loader")) {
            return "broker";
        }
        if (name.startsWith("main")) {
            return "main";
        }
        return "other:" + name.replaceAll("[-#]?\\d+", "");
    }

}
