package io.paperwire.ingest.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.embedded.SharedData;
import io.paperwire.ingest.IngestListener;
import io.paperwire.ingest.IngestOptions;
import io.paperwire.ingest.IngestRunner;
import io.paperwire.ingest.IngestRuntime;
import io.paperwire.ingest.IngestSummary;
import io.paperwire.ingest.checkpoint.CheckpointStore;
import io.paperwire.ingest.dedup.DedupBatch;
import io.paperwire.ingest.dedup.IdentityRule;
import io.paperwire.ingest.dedup.PaperLedger;
import io.paperwire.ingest.dedup.Verdict;
import io.paperwire.ingest.http.Sleeper;
import io.paperwire.ingest.parse.ParseResult;
import io.paperwire.ingest.publish.BatchSink;
import io.paperwire.ingest.publish.IngestTopics;
import io.paperwire.ingest.publish.OutgoingBatch;
import io.paperwire.ingest.source.FileSource;
import io.paperwire.ingest.source.SourceBatch;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Topic;
import io.paperwire.schemas.serde.AvroSerdeConfig;
import io.paperwire.schemas.serde.KafkaAvroSerializer;
import io.paperwire.schemas.serde.RegisteredSchema;
import io.paperwire.schemas.serde.SchemaRegistryClient;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Measures where ingest's parse + publish time goes, on the path {@code paperwire bench} phase 2 runs: a
 * {@link FileSource} over snapshot JSON Lines, the identity rule against the ledger, Avro serialisation through the
 * registry serde, one transaction per 1,000 lines. Not a test: run by hand (command in docs/ingest.md).
 *
 * <p>Input: the shared sample of 1,000 snapshot lines, replicated with made-up ids into files under
 * {@code /tmp/ingest-harness} (nothing is copied into the project). Output, on stdout:
 * <ul>
 *   <li>{@code offline}: thread CPU µs per paper of each component (read + parse + normalise, JSON tree alone, dedup,
 *       Avro serialisation) and of the whole runner with a serialising sink, no Kafka;</li>
 *   <li>{@code kafka}: process CPU µs per paper of the real publisher on an {@link EmbeddedKafka} with the real
 *       registry, against a raw idempotent producer of the same key/value bytes (the bench's baseline), alternating.</li>
 * </ul>
 * Arguments: {@code offline|kafka|both [lines per file, default 10000] [rounds, default 3]}; system properties
 * {@code harness.producer.<setting>} override the publisher's producer settings, {@code harness.linesPerBatch} the
 * lines per transaction (1,000).
 */
public final class IngestCostHarness {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Path WORK = Path.of("/tmp/ingest-harness");

    private IngestCostHarness() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "both";
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path sample = SharedData.file("data/arxiv-metadata-oai-snapshot.sample1000.jsonl")
                .orElseThrow(() -> new IllegalStateException("the shared snapshot sample is missing"));
        List<ObjectNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(sample, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                records.add((ObjectNode) JSON.readTree(line));
            }
        }
        Files.createDirectories(WORK);
        if (mode.equals("offline") || mode.equals("both")) {
            offline(records, lines, rounds);
        }
        if (mode.equals("kafka") || mode.equals("both")) {
            kafka(records, lines, rounds);
        }
    }

    /** Writes {@code lines} records to a file, ids made unique per {@code fileIndex} (new-style yymm.nnnnn). */
    static Path replicate(List<ObjectNode> records, int lines, int fileIndex) throws IOException {
        Path file = WORK.resolve("papers-" + lines + "-" + fileIndex + ".jsonl");
        if (Files.exists(file)) {
            return file;
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                ObjectNode copy = records.get(i % records.size()).deepCopy();
                int month = fileIndex * 1000 + i / 10_000;
                String id = String.format("%02d%02d.%05d", 10 + month / 12 % 80, month % 12 + 1, i % 10_000 + 1);
                copy.put("id", id);
                out.write(JSON.writeValueAsString(copy));
                out.write('\n');
            }
        }
        return file;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (a) without Kafka

    private static void offline(List<ObjectNode> records, int lines, int rounds) throws Exception {
        Path file = replicate(records, lines, 0);
        Topic<String, Paper> topic = PaperwireTopics.fromConfig(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "http://unused.invalid")).published();
        KafkaAvroSerializer<Paper> valueSerializer = new KafkaAvroSerializer<>(new InMemoryRegistry());
        System.out.printf("offline: %d lines of %s, thread CPU µs per paper%n", lines, file);
        for (int round = -2; round < rounds; round++) {
            long t0 = cpu();
            List<SourceBatch> batches = readAll(file);
            long readParse = cpu() - t0;

            t0 = cpu();
            long treeOnly = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                treeOnly += JSON.readTree(line).size();
            }
            long tree = cpu() - t0;

            t0 = cpu();
            PaperLedger ledger = new PaperLedger();
            IdentityRule rule = IdentityRule.defaults();
            List<Paper> published = new ArrayList<>();
            for (SourceBatch batch : batches) {
                DedupBatch dedup = new DedupBatch(ledger, rule);
                for (ParseResult result : batch.results()) {
                    if (result instanceof ParseResult.ParsedPaper paper
                            && dedup.decide(paper) instanceof Verdict.Publish publish) {
                        published.add(publish.paper());
                    }
                }
                dedup.commit();
            }
            long dedupCpu = cpu() - t0;

            t0 = cpu();
            long bytes = 0;
            for (Paper paper : published) {
                bytes += topic.keySerde().serializer().serialize(topic.name(), paper.getKey()).length;
                bytes += valueSerializer.serialize(topic.name(), paper).length;
            }
            long serialise = cpu() - t0;

            SerialisingSink sink = new SerialisingSink(topic, valueSerializer);
            IngestRunner runner = new IngestRunner(sink, new PaperLedger(), new CheckpointStore(),
                    IdentityRule.defaults(), IngestRunner.Settings.defaults(), Clock.systemUTC(), Sleeper.system(),
                    IngestListener.silent());
            t0 = cpu();
            IngestSummary summary = runner.run(List.of(new FileSource(FileSource.Settings.of(List.of(file), false))));
            long whole = cpu() - t0;
            long n = published.size();
            System.out.printf("%s read+parse+normalise %6.1f | JSON tree alone %6.1f | dedup %5.1f | "
                            + "Avro key+value %5.1f | runner+serialising sink %6.1f  (papers %d, %d bytes/paper, "
                            + "runner published %d, check %d)%n",
                    round < 0 ? "warm-up" : "round " + round, per(readParse, n), per(tree, n), per(dedupCpu, n),
                    per(serialise, n), per(whole, n), n, bytes / Math.max(1, n), summary.total().published(),
                    treeOnly % 7 + sink.bytes % 7);
        }
    }

    private static List<SourceBatch> readAll(Path file) throws Exception {
        FileSource source = new FileSource(FileSource.Settings.of(List.of(file), false));
        Map<String, String> checkpoint = Map.of();
        List<SourceBatch> batches = new ArrayList<>();
        while (true) {
            SourceBatch batch = source.poll(checkpoint);
            if (batch.results().isEmpty() && batch.caughtUp()) {
                return batches;
            }
            batches.add(batch);
            checkpoint = batch.nextCheckpoint();
        }
    }

    /** Serialises each batch's papers as the publisher does, and drops the bytes. */
    private static final class SerialisingSink implements BatchSink {
        private final Topic<String, Paper> topic;
        private final KafkaAvroSerializer<Paper> valueSerializer;
        long bytes;

        SerialisingSink(Topic<String, Paper> topic, KafkaAvroSerializer<Paper> valueSerializer) {
            this.topic = topic;
            this.valueSerializer = valueSerializer;
        }

        @Override
        public void write(OutgoingBatch batch) {
            for (Paper paper : batch.papers()) {
                bytes += topic.keySerde().serializer().serialize(topic.name(), paper.getKey()).length;
                bytes += valueSerializer.serialize(topic.name(), paper).length;
            }
        }
    }

    /** Schema ids without a server: the offline split leaves the registry's HTTP out (it is cached after one call). */
    private static final class InMemoryRegistry implements SchemaRegistryClient {
        private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger(1);

        @Override
        public int register(String subject, Schema schema, boolean normalize) {
            return ids.computeIfAbsent(schema, s -> next.getAndIncrement());
        }

        @Override
        public int lookupId(String subject, Schema schema, boolean normalize) {
            return register(subject, schema, normalize);
        }

        @Override
        public Schema schemaById(int id) {
            return ids.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey).findFirst()
                    .orElseThrow();
        }

        @Override
        public RegisteredSchema latest(String subject) {
            throw new UnsupportedOperationException("not used by the harness");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // (b) with Kafka

    private static void kafka(List<ObjectNode> records, int lines, int rounds) throws Exception {
        Path brokerDir = Files.createTempDirectory(WORK, "broker");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(brokerDir)) {
            kafka.createTopics(List.of(
                    new NewTopic("papers.published", 3, (short) 1),
                    new NewTopic("papers.signals", 1, (short) 1),
                    new NewTopic("deadletters", 1, (short) 1),
                    new NewTopic("ingest.checkpoints", 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                    new NewTopic("raw", 3, (short) 1)));
            try (SchemaRegistryServer registry = SchemaRegistryServer.start(
                    RegistryConfig.defaults(kafka.bootstrapServers()).withPort(0))) {
                IngestTopics topics = IngestTopics.from(PaperwireTopics.fromConfig(
                        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url().toString())));
                String bootstrap = kafka.bootstrapServers();
                Map<String, Object> overrides = producerOverrides();
                try (IngestRuntime runtime = IngestRuntime.connect(IngestOptions.defaults(bootstrap)
                        .withProducerOverrides(overrides), topics, IngestListener.silent())) {
                    System.out.printf("kafka: %d lines per run, process CPU µs per paper (%d cores), producer "
                            + "overrides %s%n", lines, Runtime.getRuntime().availableProcessors(), overrides);
                    // as the bench does: a dry run over 2,000 papers warms the parsing code, then round 0 is the
                    // bench's figure (producer, serde and broker paths still cold); later rounds are warm
                    try (IngestRuntime warmUp = IngestRuntime.dryRun(IngestOptions.defaults(bootstrap),
                            new PrintStream(OutputStream.nullOutputStream()), IngestListener.silent())) {
                        warmUp.run(List.of(new FileSource(FileSource.Settings.of(
                                List.of(replicate(records, 2_000, 1)), false))));
                    }
                    for (int round = 0; round < rounds; round++) {
                        Path file = replicate(records, lines, round + 2);
                        Map<TopicPartition, Long> before = endOffsets(bootstrap);
                        long p0 = processCpu();
                        long w0 = System.nanoTime();
                        long m0 = cpu();
                        long c0 = compileMillis();
                        long g0 = gcMillis();
                        FileSource.Settings defaults = FileSource.Settings.of(List.of(file), false);
                        IngestSummary summary = runtime.run(List.of(new FileSource(new FileSource.Settings(
                                defaults.paths(), false, defaults.watchInterval(),
                                Integer.getInteger("harness.linesPerBatch", defaults.linesPerBatch()),
                                defaults.parserSettings()))));
                        long ingestWall = System.nanoTime() - w0;
                        long ingestCpu = processCpu() - p0;
                        long ingestMain = cpu() - m0;
                        long ingestCompile = (compileMillis() - c0) * 1_000_000;
                        long ingestGc = (gcMillis() - g0) * 1_000_000;
                        summary.total().failure().ifPresent(f -> {
                            throw new IllegalStateException("ingest failed: " + f);
                        });
                        long published = summary.total().published();
                        List<ConsumerRecord<byte[], byte[]>> written = readSince(bootstrap, before, published);
                        p0 = processCpu();
                        w0 = System.nanoTime();
                        m0 = cpu();
                        c0 = compileMillis();
                        g0 = gcMillis();
                        produceRaw(bootstrap, written, round);
                        long rawWall = System.nanoTime() - w0;
                        long rawCpu = processCpu() - p0;
                        long rawMain = cpu() - m0;
                        long rawCompile = (compileMillis() - c0) * 1_000_000;
                        long rawGc = (gcMillis() - g0) * 1_000_000;
                        double ingestPer = per(ingestCpu, published);
                        double rawPer = per(rawCpu, written.size());
                        System.out.printf("%s ingest %6.1f µs/paper (%5.0f papers/s wall) | raw producer %6.1f "
                                        + "µs/paper (%5.0f/s wall) | raw/ingest CPU %.2f  (published %d)%n",
                                round == 0 ? "round 0 (cold, as the bench)" : "round " + round, ingestPer,
                                published / (ingestWall / 1e9), rawPer, written.size() / (rawWall / 1e9),
                                rawPer / ingestPer, published);
                        System.out.printf("    of which: ingest main thread %6.1f, JIT %6.1f, GC %5.1f, other threads "
                                        + "%6.1f | raw main thread %6.1f, JIT %6.1f, GC %5.1f, other threads %6.1f%n",
                                per(ingestMain, published), per(ingestCompile, published), per(ingestGc, published),
                                per(ingestCpu - ingestMain - ingestCompile - ingestGc, published),
                                per(rawMain, written.size()), per(rawCompile, written.size()),
                                per(rawGc, written.size()),
                                per(rawCpu - rawMain - rawCompile - rawGc, written.size()));
                    }
                }
            }
        }
    }

    /** Producer settings to try, from {@code -Dharness.producer.<kafka setting>=<value>}. */
    private static Map<String, Object> producerOverrides() {
        Map<String, Object> overrides = new HashMap<>();
        String prefix = "harness.producer.";
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(prefix))
                .forEach(name -> overrides.put(name.substring(prefix.length()), System.getProperty(name)));
        return overrides;
    }

    private static Map<TopicPartition, Long> endOffsets(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor("papers.published").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readSince(String bootstrap, Map<TopicPartition, Long> from,
            long expected) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        if (out.size() != expected) {
            throw new IllegalStateException("read back " + out.size() + " of " + expected + " published records");
        }
        return out;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The bench's baseline: an idempotent producer with {@code acks=all} and otherwise default settings. */
    private static void produceRaw(String bootstrap, List<ConsumerRecord<byte[], byte[]>> records, int round)
            throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "harness-raw-" + (round + 1));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                sent.add(producer.send(new ProducerRecord<>("raw", record.partition(), record.key(), record.value())));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU the JIT compiler threads used so far (ns), from {@code /proc/self/task} (Linux only; 0 elsewhere). */
    private static long compileMillis() {
        return vmThreadsCpu("C1 CompilerThre", "C2 CompilerThre") / 1_000_000;
    }

    /** CPU the garbage collector and VM threads used so far (ns), from {@code /proc/self/task}. */
    private static long gcMillis() {
        return vmThreadsCpu("GC Thread", "ParGC", "VM Thread", "G1 ") / 1_000_000;
    }

    private static long vmThreadsCpu(String... namePrefixes) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (java.util.Arrays.stream(namePrefixes).anyMatch(name::startsWith)) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L;
    }

    private static double per(long nanos, long papers) {
        return papers == 0 ? 0 : nanos / 1000.0 / papers;
    }
}
