package io.paperwire.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.app.services.EnrichRunner;
import io.paperwire.app.services.NotifyRunner;
import io.paperwire.enrich.EnrichConfig;
import io.paperwire.enrich.EnrichService;
import io.paperwire.ingest.IngestListener;
import io.paperwire.ingest.IngestOptions;
import io.paperwire.ingest.IngestRuntime;
import io.paperwire.ingest.IngestSummary;
import io.paperwire.ingest.SourceCounts;
import io.paperwire.ingest.publish.IngestTopics;
import io.paperwire.ingest.source.FileSource;
import io.paperwire.notify.NotifyService;
import io.paperwire.notify.NotifyConfig;
import io.paperwire.notify.matching.MatchStats;
import io.paperwire.notify.matching.PaperMatcher;
import io.paperwire.notify.matching.PaperMatches;
import io.paperwire.notify.matching.SubscriptionGenerator;
import io.paperwire.notify.matching.SubscriptionMatch;
import io.paperwire.notify.matching.SubscriptionSpec;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.TopicNames;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bench run: starts the platform (embedded on a fresh temporary directory with free ports, or the given cluster),
 * then measures in this order, each stage right after its baseline on the same records:
 * <ol>
 *   <li>ingest parse + publish of the measured papers through the real file source and transactional publisher,
 *       after up to {@value #WARM_UP_PAPERS} of them were published the same way into the bench's own warm-up
 *       topics, untimed, to warm the whole path;</li>
 *   <li>baselines: a raw consumer reading what ingest published, a raw producer writing the same bytes again, and a
 *       pass-through Kafka Streams app (exactly-once v2, enrich's Streams settings) over the same records;</li>
 *   <li>the real enrich app over the same records (kept running);</li>
 *   <li>notify's real matcher in process over the enriched papers, with the generated subscriptions;</li>
 *   <li>the real notify service on the same papers (kept running), its alerts counted;</li>
 *   <li>end to end: more papers ingested while enrich and notify run;</li>
 *   <li>latency publish → alert at the offered rate.</li>
 * </ol>
 * In: {@link BenchSettings} and the platform configuration. Out: a {@link BenchReport} and the
 * {@link BenchEvidence} to check it. Everything it starts is stopped and its temporary directory removed.
 */
public final class BenchRun {

    private static final Logger log = LoggerFactory.getLogger(BenchRun.class);
    private static final int PHASES = 9;
    private static final int MATCH_CHUNK = 100;
    /**
     * At most this many papers are matched in the untimed warm-up pass, on the same threads, before the in-process
     * matching is measured: a long-running notify service matches with code the JIT has compiled. 500 papers were
     * too few (the per-CPU rate still rose by half over the next few thousand), and after 5,000 the JIT's compiler
     * threads still compiled the matching loop while it was timed, taking over half a core of the two (JFR).
     * The warm-up pass's own rate is reported too, as the cold figure.
     */
    private static final int MATCH_WARM_UP = 20_000;
    /**
     * The matching warm-up rounds over its papers again until the JIT compiler has been quiet for
     * {@link #QUIET_SECONDS} seconds in a row (compiling less than {@link #QUIET_SHARE} of the wall-clock time, by
     * the JVM's own compilation-time counter), and stops after {@link BenchSettings#warmUpLimit()} at most.
     */
    private static final int QUIET_SECONDS = 2;
    /**
     * Papers enrich's warm-up publishes at a time. It goes on until the JIT compiler was quiet (as above) while two
     * chunks in a row were enriched, or until {@link BenchSettings#warmUpLimit()}. Enrich needs it more than any
     * other stage: in a JVM that also runs the broker, the registry and Streams, the JIT compiler was still busy
     * with enrich's code (keyword extraction, the classifier, the Avro serdes, the producer) for 40 s and more,
     * and the C2 compiler took over half a core of the two for that long (JFR, docs/enrich.md).
     */
    private static final int ENRICH_WARM_UP_CHUNK = 1_000;
    private static final int QUIET_CHUNKS = 2;
    private static final double QUIET_SHARE = 0.05;
    /** Papers ingest parses in a dry run before it is measured. */
    private static final int WARM_UP_PAPERS = 2_000;
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);

    private final BenchSettings settings;
    private final BenchProgress progress;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** From start to RUNNING, which the throughputs of the Streams apps leave out. */
    private Duration passThroughStartup = Duration.ZERO;
    private Duration enrichStartup = Duration.ZERO;
    private long lastReport;

    private BenchRun(BenchSettings settings, BenchProgress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** The outcome of a run. */
    public record Result(BenchReport report, BenchEvidence evidence) {
    }

    /**
     * Runs the bench.
     *
     * @param settings what to measure
     * @param config   the platform configuration: with {@code bootstrap.servers} set, that cluster is used (and
     *                 {@code schema.registry.url} when set); otherwise everything is embedded
     * @param progress hears how it goes
     */
    public static Result run(BenchSettings settings, PaperwireConfig config, BenchProgress progress)
            throws IOException, InterruptedException {
        return new BenchRun(settings, progress).run(config);
    }

    private Result run(PaperwireConfig baseConfig) throws IOException, InterruptedException {
        Instant startedAt = Instant.now();
        long runStart = System.nanoTime();
        Path work = Files.createTempDirectory("paperwire-bench-");
        boolean external = baseConfig.get(Settings.BOOTSTRAP_SERVERS).isPresent();
        PaperwireConfig config = baseConfig
                .with(Settings.DATA_DIR, work.resolve("data").toString())
                .with(Settings.KAFKA_PORT, "0")
                .with(Settings.KAFKA_CONTROLLER_PORT, "0")
                .with(Settings.REGISTRY_PORT, "0")
                .with(Settings.HTTP_PORT, "0")
                .with("enrich." + StreamsConfig.APPLICATION_ID_CONFIG, "paperwire-bench-enrich-" + runId)
                .with("notify." + StreamsConfig.APPLICATION_ID_CONFIG, "paperwire-bench-notify-" + runId);
        progress.phase(1, PHASES, "papers and platform");
        BenchPapers papers = BenchPapers.make(settings);
        Path measuredFile = BenchPapers.writeSnapshot(papers.measured(), work.resolve("measured.jsonl"));
        Path endToEndFile = BenchPapers.writeSnapshot(papers.endToEnd(), work.resolve("end-to-end.jsonl"));
        Path warmUpFile = BenchPapers.writeSnapshot(papers.measured().subList(0,
                Math.min(WARM_UP_PAPERS, papers.measured().size())), work.resolve("warm-up.jsonl"));
        if (external) {
            log.warn("bench on an existing cluster: synthetic papers, subscriptions and alerts go to its paperwire "
                    + "topics; use a cluster dedicated to benchmarking");
        }
        try (ResourceSampler resources = new ResourceSampler();
             Platform platform = Platform.start(config)) {
            Result result = measure(platform, papers, measuredFile, endToEndFile, warmUpFile, resources, startedAt,
                    runStart);
            if (external) {
                deleteBenchTopics(platform);
            }
            return result;
        } finally {
            deleteRecursively(work);
        }
    }

    private Result measure(Platform platform, BenchPapers papers, Path measuredFile, Path endToEndFile,
                           Path warmUpFile, ResourceSampler resources, Instant startedAt, long runStart)
            throws InterruptedException {
        String bootstrap = platform.bootstrapServers();
        PaperwireTopics topics = PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig());
        String rawTopic = benchTopic("raw");
        String passTopic = benchTopic("pass-through");
        // The warm-ups of ingest and enrich publish through the whole path into topics of their own, never into
        // the paperwire topics.
        TopicNames standard = platform.topicNames();
        TopicNames warmUpNames = new TopicNames(benchTopic("warm-up.published"), benchTopic("warm-up.signals"),
                benchTopic("warm-up.enriched"), benchTopic("warm-up.trending"), standard.subscriptions(),
                standard.alerts(), standard.deliveries(), benchTopic("warm-up.checkpoints"),
                benchTopic("warm-up.deadletters"));
        createBenchTopics(platform, topics.published().name(), rawTopic, passTopic, warmUpNames.published(),
                warmUpNames.signals(), warmUpNames.enriched(), warmUpNames.trending(), warmUpNames.checkpoints(),
                warmUpNames.deadLetters());
        PaperwireTopics warmUpPaperwireTopics = PaperwireTopics.fromConfig(warmUpNames, platform.serdeConfig());
        IngestTopics warmUpTopics = IngestTopics.from(warmUpPaperwireTopics);
        Set<String> measuredKeys = keysOf(papers.measured());
        Set<String> endToEndKeys = keysOf(papers.endToEnd());
        Set<String> latencyKeys = keysOf(papers.latency());
        int n = papers.measured().size();

        List<RawRecord> publishedRecords = new ArrayList<>();
        Throughput ingest;
        Throughput rawConsumer;
        Throughput rawProducer;
        Throughput passThrough;
        Throughput enrichFigure;
        WarmUp enrichWarmUp;
        long ingestWarmUpPublished;
        Throughput notifyFigure;
        Duration notifyStartup;
        Throughput endToEnd;
        MatchingFigures matching;
        LatencyFigures latency;
        long ingestRead;
        long published;
        List<SubscriptionSpec> specs = new SubscriptionGenerator(settings.seed()).generate(settings.subscriptions());
        PairSet.Codec pairCodec = new PairSet.Codec(specs.stream().map(SubscriptionSpec::id).toList(),
                papers.measured().stream().map(Paper::getKey).toList());
        PairSet matcherPairs = new PairSet(pairCodec);
        PairSet alertPairs = new PairSet(pairCodec);
        List<EnrichedPaper> enriched = new ArrayList<>();
        long endToEndEnriched;
        long endToEndAlerts;
        long latencyEnriched;
        long latencyAlerts;

        IngestTopics ingestTopics = IngestTopics.from(topics);
        IngestListener listener = new IngestListener() {
            @Override
            public void progress(SourceCounts total) {
                update("ingest: read %d, published %d", total.read(), total.published());
            }
        };
        try (IngestRuntime ingestRuntime = IngestRuntime.connect(IngestOptions.defaults(bootstrap)
                     .withTransactionalId("paperwire-bench-ingest-" + runId), ingestTopics, listener);
             TopicTail<byte[], byte[]> publishedTail = TopicTail.fromNow(bootstrap, topics.published().name(),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer());
             TopicTail<String, EnrichedPaper> enrichedTail = TopicTail.fromNow(bootstrap, topics.enriched().name(),
                     new StringDeserializer(), topics.enriched().valueSerde().deserializer());
             TopicTail<String, Alert> alertTail = TopicTail.fromNow(bootstrap, topics.alerts().name(),
                     new StringDeserializer(), topics.alerts().valueSerde().deserializer())) {

            // 2. ingest parse + publish. Ingest runs first, in a cold JVM, and the raw producer it is compared with
            // runs after it on warm client code: so ingest's whole path (parse, dedup, Avro, transactional
            // publish) is first warmed on up to WARM_UP_PAPERS papers published into the bench's own warm-up
            // topics, untimed.
            progress.phase(2, PHASES, "ingest " + n + " papers (after a warm-up publishing to scratch topics)");
            try (IngestRuntime warmUp = IngestRuntime.connect(IngestOptions.defaults(bootstrap)
                    .withTransactionalId("paperwire-bench-ingest-warm-up-" + runId), warmUpTopics,
                    IngestListener.silent())) {
                IngestSummary warmed = warmUp.run(List.of(new FileSource(
                        FileSource.Settings.of(List.of(warmUpFile), false))));
                warmed.total().failure().ifPresent(f -> {
                    throw new IllegalStateException("ingest's warm-up failed: " + f);
                });
                ingestWarmUpPublished = warmed.total().published();
            }
            long cpu = ResourceSampler.processCpuNanos();
            long start = System.nanoTime();
            IngestSummary summary = ingestRuntime.run(List.of(new FileSource(
                    FileSource.Settings.of(List.of(measuredFile), false))));
            Duration ingestElapsed = Duration.ofNanos(System.nanoTime() - start);
            long ingestCpu = cpuSince(cpu);
            ingestRead = summary.total().read();
            published = summary.total().published();
            summary.total().failure().ifPresent(f -> {
                throw new IllegalStateException("ingest failed: " + f);
            });

            // 3. baselines: raw consumer, raw producer, pass-through Streams
            progress.phase(3, PHASES, "baselines: raw consumer, raw producer, then an untimed enrich warm-up and the "
                    + "pass-through Streams app (EOS v2)");
            cpu = ResourceSampler.processCpuNanos();
            start = System.nanoTime();
            awaitUntil("the raw consumer to read " + published + " published records", () -> {
                publishedTail.poll(r -> publishedRecords.add(new RawRecord(r.partition(), r.key(), r.value())));
                update("raw consumer: %d/%d records", publishedTail.count(), published);
                return publishedTail.count() >= published;
            });
            rawConsumer = new Throughput(publishedTail.count(), publishedTail.bytes(),
                    Duration.ofNanos(System.nanoTime() - start), cpuSince(cpu));
            ingest = new Throughput(published, publishedTail.bytes(), ingestElapsed, ingestCpu);
            rawProducer = produceRaw(bootstrap, rawTopic, publishedRecords);
            publishedRecords.clear();
            // Enrich's warm-up runs before the pass-through, so both are measured on warm Streams client code.
            enrichWarmUp = warmUpEnrich(platform, warmUpPaperwireTopics, papers.measured(), ingestWarmUpPublished);
            passThrough = passThrough(platform, topics.published().name(), passTopic, published);

            // 4. enrich
            progress.phase(4, PHASES, "enrich " + published + " papers");
            Map<TopicPartition, Long> enrichedTarget = new HashMap<>();
            cpu = ResourceSampler.processCpuNanos();
            start = System.nanoTime();
            EnrichService enrich = EnrichRunner.start(platform);
            AtomicLong enrichRunningAt = new AtomicLong();
            try {
                awaitUntil("enrich to write " + published + " enriched papers", () -> {
                    enrich.failure().ifPresent(e -> {
                        throw new IllegalStateException("enrich failed: " + e.getMessage(), e);
                    });
                    if (enrichRunningAt.get() == 0 && (enrich.isRunning() || processing(enrich.streams()))) {
                        enrichRunningAt.compareAndSet(0, System.nanoTime()); // or its first output, whichever first
                    }
                    enrichedTail.poll(r -> {
                        enrichRunningAt.compareAndSet(0, System.nanoTime());
                        target(enrichedTarget, r);
                        if (measuredKeys.contains(r.key())) {
                            enriched.add(r.value());
                        }
                    });
                    update("enrich: %d/%d papers", enriched.size(), published);
                    return enriched.size() >= published;
                });
                // Like the pass-through, timed from the moment the app or one of its stream threads is RUNNING, or
                // it has written its first output, whichever comes first (its start-up apart).
                long enrichEnd = System.nanoTime();
                long enrichFrom = enrichRunningAt.get() == 0 ? start : enrichRunningAt.get();
                enrichStartup = Duration.ofNanos(enrichFrom - start);
                enrichFigure = new Throughput(enriched.size(), enrichedTail.bytes(),
                        Duration.ofNanos(enrichEnd - enrichFrom), cpuSince(cpu));
                progress.update(String.format(Locale.ROOT, "enrich start-up %.1f s, pass-through start-up %.1f s",
                        enrichStartup.toNanos() / 1e9, passThroughStartup.toNanos() / 1e9));

                // 5. notify matching in process
                progress.phase(5, PHASES, "notify matching in process: " + enriched.size() + " papers, "
                        + specs.size() + " subscriptions");
                matching = matchInProcess(enriched, specs, matcherPairs);

                // 6. the notify service on the same papers
                progress.phase(6, PHASES, "notify service: " + specs.size() + " subscriptions, "
                        + enriched.size() + " papers");
                writeSubscriptions(bootstrap, topics.subscriptions(), specs);
                String notifyGroup = "paperwire-bench-notify-" + runId;
                start = System.nanoTime();
                NotifyService notify = NotifyRunner.start(platform, NotifyRunner.config(platform));
                notifyStartup = Duration.ofNanos(System.nanoTime() - start);
                cpu = ResourceSampler.processCpuNanos();
                start = System.nanoTime();
                try (Admin admin = platform.admin()) {
                    awaitUntil("notify to match the " + enriched.size() + " enriched papers", () -> {
                        alertTail.poll(r -> {
                            if (measuredKeys.contains(r.value().getPaperKey())) {
                                alertPairs.add(r.value().getSubscriptionId(), r.value().getPaperKey());
                            }
                        });
                        update("notify service: %d alerts", alertPairs.added());
                        return caughtUp(admin, notifyGroup, enrichedTarget);
                    });
                    drain(alertTail, r -> {
                        if (measuredKeys.contains(r.value().getPaperKey())) {
                            alertPairs.add(r.value().getSubscriptionId(), r.value().getPaperKey());
                        }
                    });
                    notifyFigure = new Throughput(enriched.size(), 0, Duration.ofNanos(System.nanoTime() - start),
                            cpuSince(cpu));

                    // 7. end to end with both services running
                    progress.phase(7, PHASES, "end to end: " + papers.endToEnd().size()
                            + " papers ingested while enrich and notify run");
                    long[] counts = new long[2];
                    cpu = ResourceSampler.processCpuNanos();
                    start = System.nanoTime();
                    IngestSummary e2eSummary = ingestRuntime.run(List.of(new FileSource(
                            FileSource.Settings.of(List.of(endToEndFile), false))));
                    e2eSummary.total().failure().ifPresent(f -> {
                        throw new IllegalStateException("ingest failed: " + f);
                    });
                    awaitUntil("the end-to-end papers to be enriched and matched", () -> {
                        enrich.failure().ifPresent(e -> {
                            throw new IllegalStateException("enrich failed: " + e.getMessage(), e);
                        });
                        enrichedTail.poll(r -> {
                            target(enrichedTarget, r);
                            if (endToEndKeys.contains(r.key())) {
                                counts[0]++;
                            }
                        });
                        alertTail.poll(r -> counts[1] += endToEndKeys.contains(r.value().getPaperKey()) ? 1 : 0);
                        update("end to end: %d/%d enriched, %d alerts", counts[0], endToEndKeys.size(), counts[1]);
                        return counts[0] >= endToEndKeys.size() && caughtUp(admin, notifyGroup, enrichedTarget);
                    });
                    drain(alertTail, r -> counts[1] += endToEndKeys.contains(r.value().getPaperKey()) ? 1 : 0);
                    endToEnd = new Throughput(counts[0], 0, Duration.ofNanos(System.nanoTime() - start),
                            cpuSince(cpu));
                    endToEndEnriched = counts[0];
                    endToEndAlerts = counts[1];

                    // 8. latency at the offered rate
                    progress.phase(8, PHASES, String.format(Locale.ROOT, "latency: %d papers at %.0f papers/s",
                            papers.latency().size(), settings.offeredRate()));
                    long[] latencyCounts = new long[2];
                    latency = measureLatency(bootstrap, topics.published(), papers.latency(), () -> {
                        enrich.failure().ifPresent(e -> {
                            throw new IllegalStateException("enrich failed: " + e.getMessage(), e);
                        });
                        enrichedTail.poll(r -> {
                            target(enrichedTarget, r);
                            if (latencyKeys.contains(r.key())) {
                                latencyCounts[0]++;
                            }
                        });
                        return latencyCounts[0] >= latencyKeys.size() && caughtUp(admin, notifyGroup, enrichedTarget);
                    }, alertTail, latencyCounts);
                    latencyEnriched = latencyCounts[0];
                    latencyAlerts = latencyCounts[1];
                } finally {
                    notify.close(Duration.ofSeconds(30));
                }
            } finally {
                enrich.close(EnrichRunner.closeTimeout());
            }
        }

        progress.phase(9, PHASES, "report");
        BenchReport.Counts counts = new BenchReport.Counts(n, ingestRead, published, rawConsumer.papers(),
                rawProducer.papers(), passThrough.papers(), enriched.size(), matching.papers(), specs.size(),
                specs.stream().filter(SubscriptionSpec::active).count(), matching.matches(), alertPairs.size(),
                papers.endToEnd().size(), endToEndEnriched, endToEndAlerts, papers.latency().size(), latencyEnriched,
                latencyAlerts);
        BenchReport.Memory memory = new BenchReport.Memory(resources.peakHeapBytes(),
                resources.peakHeapAfterGcBytes(), resources.maxHeapBytes(),
                ResourceSampler.peakResidentBytes(), ResourceSampler.residentBytes());
        String cluster = platform.embeddedKafka() ? "embedded broker" : bootstrap;
        BenchReport report = new BenchReport(settings, cluster, papers.origin(), MachineInfo.current(), startedAt,
                Duration.ofNanos(System.nanoTime() - runStart), counts, rawProducer, rawConsumer, passThrough, ingest,
                enrichFigure, enrichWarmUp, matching, notifyFigure, notifyStartup, endToEnd, latency, memory);
        return new Result(report, new BenchEvidence(List.copyOf(enriched), List.copyOf(specs),
                matcherPairs::asStrings, alertPairs::asStrings));
    }

    /** A published record's bytes, to be written again by the raw producer. */
    private record RawRecord(int partition, byte[] key, byte[] value) {
    }

    private Throughput produceRaw(String bootstrap, String topic, List<RawRecord> records) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "paperwire-bench-raw-producer-" + runId);
        long bytes = 0;
        long cpu = ResourceSampler.processCpuNanos();
        long start = System.nanoTime();
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            for (RawRecord record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value())));
                bytes += (record.key() == null ? 0 : record.key().length) + record.value().length;
                update("raw producer: %d/%d records", sent.size(), records.size());
            }
            producer.flush();
            awaitAll(sent, "the raw producer");
        }
        return new Throughput(records.size(), bytes, Duration.ofNanos(System.nanoTime() - start), cpuSince(cpu));
    }

    private Throughput passThrough(Platform platform, String input, String output, long expected)
            throws InterruptedException {
        String applicationId = "paperwire-bench-pass-through-" + runId;
        var props = EnrichRunner.config(platform)
                .withInstance(applicationId, Path.of(platform.config().require(Settings.DATA_DIR)).resolve("pass"))
                .streamsProperties(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2));
        try (TopicTail<byte[], byte[]> tail = TopicTail.fromNow(platform.bootstrapServers(), output,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            long cpu = ResourceSampler.processCpuNanos();
            long start = System.nanoTime();
            KafkaStreams streams = new KafkaStreams(PassThroughTopology.buildTopology(input, output), props);
            AtomicLong runningAt = new AtomicLong();
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    runningAt.compareAndSet(0, System.nanoTime());
                }
            });
            try {
                streams.start();
                AtomicLong firstOutputAt = new AtomicLong();
                awaitUntil("the pass-through Streams app to copy " + expected + " records", () -> {
                    if (streams.state() == KafkaStreams.State.ERROR
                            || streams.state() == KafkaStreams.State.PENDING_ERROR) {
                        throw new IllegalStateException("the pass-through Streams app failed");
                    }
                    if (runningAt.get() == 0 && processing(streams)) {
                        runningAt.compareAndSet(0, System.nanoTime());
                    }
                    tail.poll(r -> firstOutputAt.compareAndSet(0, System.nanoTime()));
                    update("pass-through Streams: %d/%d records", tail.count(), expected);
                    return tail.count() >= expected;
                });
                long end = System.nanoTime();
                // Timed from the moment a stream thread is RUNNING (it processes from then on; the client's state
                // follows only when every thread has joined) or the first output record, whichever comes first.
                long from = runningAt.get() == 0 ? firstOutputAt.get() : Math.min(runningAt.get(), firstOutputAt.get());
                passThroughStartup = Duration.ofNanos(from - start);
                progress.update(String.format(Locale.ROOT, "pass-through: %d records in %.3f s, the first visible "
                                + "%.3f s after a stream thread began", tail.count(), (end - from) / 1e9,
                        (firstOutputAt.get() - from) / 1e9));
                return new Throughput(tail.count(), tail.bytes(), Duration.ofNanos(end - from), cpuSince(cpu));
            } finally {
                if (streams.close(Duration.ofSeconds(60))) {
                    streams.cleanUp();
                } else {
                    progress.update("the pass-through Streams app did not stop within 60 s; its state stays in the "
                            + "bench's temporary directory");
                }
            }
        }
    }

    private MatchingFigures matchInProcess(List<EnrichedPaper> papers, List<SubscriptionSpec> specs,
                                           PairSet pairs) {
        try (PaperMatcher matcher = PaperMatcher.create()) {
            long loadStart = System.nanoTime();
            matcher.upsertAll(specs);
            matcher.flush(); // Monitor's update belongs to the load, not to the first match
            Duration load = Duration.ofNanos(System.nanoTime() - loadStart);
            // As many threads as the notify service runs by default, each matching its own slice of the papers
            // (the service's stream threads each own partitions of papers.enriched and share one matcher).
            int threadCount = NotifyConfig.DEFAULT_STREAM_THREADS;
            // A long-running service matches with warm (JIT-compiled) code: warm up first, untimed, results
            // discarded, and take the figures per paper from the timed run alone (see MATCH_WARM_UP).
            List<EnrichedPaper> warmUp = papers.subList(0, Math.min(papers.size(), MATCH_WARM_UP));
            long warmUpStart = System.nanoTime();
            update("notify matching: warming up with %d threads until the JIT compiler is quiet (at most %d s), "
                    + "untimed", threadCount, settings.warmUpLimit().toSeconds());
            AtomicBoolean warm = new AtomicBoolean();
            AtomicLong warmUpMatched = new AtomicLong();
            onThreads(slices(warmUp, threadCount), "warming up the matcher", slice -> {
                // At least one pass over the slice, then round again until the JIT has settled.
                boolean firstPass = true;
                while ((firstPass || !warm.get()) && !slice.isEmpty()) {
                    for (int from = 0; from < slice.size(); from += MATCH_CHUNK) {
                        List<EnrichedPaper> chunk = slice.subList(from, Math.min(slice.size(), from + MATCH_CHUNK));
                        matcher.match(chunk);
                        warmUpMatched.addAndGet(chunk.size());
                    }
                    firstPass = false;
                }
            }, () -> {
                waitForQuietCompiler(warmUpStart);
                warm.set(true);
            });
            Duration warmUpElapsed = Duration.ofNanos(System.nanoTime() - warmUpStart);
            MatchStats before = matcher.stats();
            double expectedMatchesPerPaper = before.papers() == 0 ? 0 : (double) before.matches() / before.papers();
            AtomicLong matchedSoFar = new AtomicLong();
            AtomicLong cpuNanos = new AtomicLong();
            List<List<EnrichedPaper>> slices = slices(papers, threadCount);
            // One pair set per thread (no lock between the matching threads), sized from the warm-up's matches per
            // paper so that recording the pairs does not copy growing arrays while the matching is timed.
            Map<List<EnrichedPaper>, PairSet> found = new IdentityHashMap<>();
            for (List<EnrichedPaper> slice : slices) {
                found.put(slice, pairs.emptyLike((int) Math.min(Integer.MAX_VALUE - 8,
                        (long) Math.ceil(expectedMatchesPerPaper * slice.size() * 1.25))));
            }
            long start = System.nanoTime();
            onThreads(slices, "matching", slice -> {
                PairSet own = found.get(slice);
                long cpuStart = threads.getCurrentThreadCpuTime();
                for (int from = 0; from < slice.size(); from += MATCH_CHUNK) {
                    List<EnrichedPaper> chunk = slice.subList(from, Math.min(slice.size(), from + MATCH_CHUNK));
                    for (PaperMatches result : matcher.match(chunk)) {
                        for (SubscriptionMatch match : result.matches()) {
                            own.add(match.subscriptionId(), match.paperKey());
                        }
                    }
                    update("notify matching: %d/%d papers", matchedSoFar.addAndGet(chunk.size()), papers.size());
                }
                cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
            }, () -> { });
            long matched = matchedSoFar.get();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            long cpu = cpuNanos.get();
            found.values().forEach(pairs::addAll);
            MatchStats stats = matcher.stats();
            return new MatchingFigures(matched, elapsed, cpu, specs.size(),
                    specs.stream().filter(SubscriptionSpec::active).count(), matcher.storedQueryCount(),
                    stats.candidateQueries() - before.candidateQueries(), stats.queryMatches() - before.queryMatches(),
                    stats.matches() - before.matches(), load, threadCount, warmUpMatched.get(), warmUpElapsed);
        } catch (IOException e) {
            throw new UncheckedIOException("closing the matcher failed", e);
        }
    }

    /** Work on one thread's slice of the papers. */
    private interface SliceWork {
        void run(List<EnrichedPaper> slice);
    }

    /** What the calling thread does while the slices are worked on. */
    private interface WhileRunning {
        void run() throws InterruptedException;
    }

    /** {@code papers} in {@code count} contiguous slices of (nearly) equal size; some may be empty. */
    private static List<List<EnrichedPaper>> slices(List<EnrichedPaper> papers, int count) {
        int size = (papers.size() + count - 1) / count;
        List<List<EnrichedPaper>> slices = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            slices.add(papers.subList(Math.min(papers.size(), t * size), Math.min(papers.size(), (t + 1) * size)));
        }
        return slices;
    }

    /**
     * Works on each slice in a thread of its own, runs {@code whileRunning} on the calling thread, then waits for
     * every slice; a failure in one is rethrown, saying what was being done.
     */
    private static void onThreads(List<List<EnrichedPaper>> slices, String what, SliceWork work,
                                  WhileRunning whileRunning) {
        ExecutorService pool = Executors.newFixedThreadPool(slices.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<EnrichedPaper> slice : slices) {
                running.add(pool.submit(() -> work.run(slice)));
            }
            whileRunning.run();
            for (Future<?> slice : running) {
                slice.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs the real enrich app, untimed, with an application id, state directory and topics of its own (the bench's
     * warm-up topics), first over the papers ingest's warm-up published there, then over copies of the measured
     * papers under fresh keys, {@link #ENRICH_WARM_UP_CHUNK} at a time, until the JIT compiler was quiet while
     * {@link #QUIET_CHUNKS} chunks in a row were enriched, or until {@link BenchSettings#warmUpLimit()}. A long-running
     * enrich service runs compiled code; measured straight after its start it ran in the JIT's queue. Nothing of
     * this app's state reaches the measured one: each application id has its own counts and classifier.
     */
    private WarmUp warmUpEnrich(Platform platform, PaperwireTopics warmUpTopics, List<Paper> papers,
                                long alreadyPublished) throws InterruptedException {
        EnrichConfig base = EnrichRunner.config(platform);
        EnrichConfig config = base.withInstance("paperwire-bench-enrich-warm-up-" + runId,
                base.stateDir().resolveSibling("enrich-warm-up"));
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        boolean compilerTimed = compiler != null && compiler.isCompilationTimeMonitoringSupported();
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "paperwire-bench-enrich-warm-up-" + runId);
        long start = System.nanoTime();
        long deadline = start + settings.warmUpLimit().toNanos();
        long expected = alreadyPublished;
        long sent = 0;
        int quietChunks = 0;
        EnrichService service = new EnrichService(config, warmUpTopics);
        try (Producer<String, Paper> producer = new KafkaProducer<>(producerConfig,
                     warmUpTopics.published().keySerde().serializer(),
                     warmUpTopics.published().valueSerde().serializer());
             TopicTail<byte[], byte[]> tail = TopicTail.fromNow(platform.bootstrapServers(),
                     warmUpTopics.enriched().name(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            service.start();
            awaitWarmUpEnriched(service, tail, expected);
            // One chunk is always queued ahead of the one being enriched, so that the stream threads never wait
            // for the producer (waiting for each chunk before sending the next left them idle for a commit interval
            // and more per chunk, and the warm-up limit passed with the JIT compiler still busy).
            sent = publishWarmUpChunk(producer, warmUpTopics, papers, sent);
            long queued = expected + ENRICH_WARM_UP_CHUNK;
            do {
                long compiledBefore = compilerTimed ? compiler.getTotalCompilationTime() : 0;
                long chunkStart = System.nanoTime();
                sent = publishWarmUpChunk(producer, warmUpTopics, papers, sent);
                expected = queued;
                queued += ENRICH_WARM_UP_CHUNK;
                awaitWarmUpEnriched(service, tail, expected);
                double chunkMillis = (System.nanoTime() - chunkStart) / 1e6;
                double compilingShare = compilerTimed
                        ? (compiler.getTotalCompilationTime() - compiledBefore) / Math.max(1, chunkMillis) : 1;
                quietChunks = compilingShare < QUIET_SHARE ? quietChunks + 1 : 0;
                update("enrich warm-up (untimed): %d papers in %.0f s, JIT compiling %.0f %% of the last chunk's time",
                        tail.count(), (System.nanoTime() - start) / 1e9, 100 * compilingShare);
            } while (quietChunks < QUIET_CHUNKS && System.nanoTime() < deadline);
            awaitWarmUpEnriched(service, tail, queued);
            return new WarmUp(tail.count(), Duration.ofNanos(System.nanoTime() - start), quietChunks >= QUIET_CHUNKS);
        } finally {
            service.close(EnrichRunner.closeTimeout());
        }
    }

    /** Publishes the next {@link #ENRICH_WARM_UP_CHUNK} copies of {@code papers} under fresh keys; returns the count sent. */
    private static long publishWarmUpChunk(Producer<String, Paper> producer, PaperwireTopics warmUpTopics,
                                           List<Paper> papers, long sent) {
        long next = sent;
        for (int i = 0; i < ENRICH_WARM_UP_CHUNK; i++, next++) {
            Paper paper = papers.get((int) (next % papers.size()));
            String key = paper.getKey() + "~warm-up-" + next / papers.size();
            producer.send(new ProducerRecord<>(warmUpTopics.published().name(), key,
                    Paper.newBuilder(paper).setKey(key).build()));
        }
        producer.flush();
        return next;
    }

    private void awaitWarmUpEnriched(EnrichService service, TopicTail<byte[], byte[]> tail, long expected)
            throws InterruptedException {
        awaitUntil("enrich's warm-up to enrich " + expected + " papers", () -> {
            service.failure().ifPresent(e -> {
                throw new IllegalStateException("enrich's warm-up failed: " + e.getMessage(), e);
            });
            tail.poll(r -> { });
            return tail.count() >= expected;
        });
    }

    /**
     * Returns once the JIT compiler has spent less than {@link #QUIET_SHARE} of each of the last
     * {@link #QUIET_SECONDS} seconds compiling, or when {@link BenchSettings#warmUpLimit()} has passed since {@code start}
     * (at once where the JVM does not report compilation time).
     */
    private void waitForQuietCompiler(long start) throws InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long lastCompileMillis = compiler.getTotalCompilationTime();
        int quietSeconds = 0;
        while (quietSeconds < QUIET_SECONDS
                && System.nanoTime() - start < settings.warmUpLimit().toNanos()) {
            Thread.sleep(1_000);
            long compileMillis = compiler.getTotalCompilationTime();
            quietSeconds = compileMillis - lastCompileMillis < QUIET_SHARE * 1_000 ? quietSeconds + 1 : 0;
            lastCompileMillis = compileMillis;
        }
    }

    private void writeSubscriptions(String bootstrap, Topic<String, Subscription> topic,
                                    List<SubscriptionSpec> specs) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "paperwire-bench-subscriptions-" + runId);
        Instant now = Instant.now();
        try (Producer<String, Subscription> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(specs.size());
            for (SubscriptionSpec spec : specs) {
                sent.add(producer.send(new ProducerRecord<>(topic.name(), spec.id(),
                        BenchSubscriptions.toRecord(spec, now))));
            }
            producer.flush();
            awaitAll(sent, "writing the subscriptions");
        }
    }

    /**
     * Publishes the latency papers at the offered rate from a thread of their own while this thread reads the
     * alerts; a paper's latency is from its send to its first alert read.
     *
     * @param done   polled between reads; true when every latency paper is enriched and matched
     * @param counts filled: [0] enriched latency papers (by {@code done}), [1] their alerts
     */
    private LatencyFigures measureLatency(String bootstrap, Topic<String, Paper> topic, List<Paper> papers,
                                          BooleanSupplier done, TopicTail<String, Alert> alertTail, long[] counts)
            throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Double> latencies = new HashMap<>();
        long periodNanos = (long) (1e9 / settings.offeredRate());
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "paperwire-bench-latency-" + runId);
        Serializer<Paper> values = topic.valueSerde().serializer();
        long[] window = new long[2];
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            try (Producer<String, Paper> producer = new KafkaProducer<>(config, topic.keySerde().serializer(),
                    values)) {
                List<Future<RecordMetadata>> sent = new ArrayList<>(papers.size());
                long start = System.nanoTime();
                for (int i = 0; i < papers.size(); i++) {
                    long due = start + i * periodNanos;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    Paper paper = papers.get(i);
                    long now = System.nanoTime();
                    sentAt.put(paper.getKey(), now);
                    if (i == 0) {
                        window[0] = now;
                    }
                    window[1] = now;
                    sent.add(producer.send(new ProducerRecord<>(topic.name(), paper.getKey(), paper)));
                }
                producer.flush();
                awaitAll(sent, "publishing the latency papers");
            }
        });
        java.util.function.Consumer<ConsumerRecord<String, Alert>> onAlert = r -> {
            long received = System.nanoTime();
            String key = r.value().getPaperKey();
            Long sent = sentAt.get(key);
            if (sent != null) {
                counts[1]++;
                latencies.putIfAbsent(key, (received - sent) / 1e6);
            }
        };
        awaitUntil("the latency papers to be published, enriched and matched", () -> {
            alertTail.poll(onAlert);
            update("latency: %d/%d published, %d enriched, %d alerted", sentAt.size(), papers.size(), counts[0],
                    latencies.size());
            if (publishing.isCompletedExceptionally()) {
                publishing.join();
            }
            return publishing.isDone() && done.getAsBoolean();
        });
        drain(alertTail, onAlert);
        double seconds = (window[1] - window[0]) / 1e9;
        double achieved = papers.size() > 1 && seconds > 0 ? (papers.size() - 1) / seconds : settings.offeredRate();
        return LatencyFigures.of(settings.offeredRate(), achieved, papers.size(),
                latencies.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** True when the consumer group committed past every record of {@code target} (next offsets per partition). */
    private static boolean caughtUp(Admin admin, String group, Map<TopicPartition, Long> target) {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + group + ": " + e.getMessage(), e);
        }
        for (Map.Entry<TopicPartition, Long> entry : target.entrySet()) {
            OffsetAndMetadata offset = committed.get(entry.getKey());
            if (offset == null || offset.offset() < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Remembers, per partition, the offset after the latest record seen. */
    private static void target(Map<TopicPartition, Long> target, ConsumerRecord<?, ?> record) {
        target.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
    }

    /** Reads a tail to the current end of its topic. */
    private <K, V> void drain(TopicTail<K, V> tail, java.util.function.Consumer<ConsumerRecord<K, V>> each)
            throws InterruptedException {
        awaitUntil("the rest of the topic", () -> {
            tail.poll(each);
            return tail.atEnd();
        });
    }

    /** Repeats {@code round} (which polls, so it paces itself) until it says done, or fails after the time limit. */
    /**
     * Whether a stream thread of {@code streams} is processing: the client or one of its threads is RUNNING. Output
     * becomes visible to the bench's read-committed readers only when a transaction commits, a commit interval and
     * more after processing began; timing from the first output left that time out, which counted against a run
     * of half a second.
     */
    private static boolean processing(KafkaStreams streams) {
        if (streams.state() == KafkaStreams.State.RUNNING) {
            return true;
        }
        if (!streams.state().isRunningOrRebalancing()) {
            return false;
        }
        return streams.metadataForLocalThreads().stream().anyMatch(t -> "RUNNING".equals(t.threadState()));
    }

    private void awaitUntil(String what, BooleanSupplier round) throws InterruptedException {
        Duration limit = Duration.ofMinutes(2).plusMillis(20L * (settings.papers() + settings.endToEndPapers()))
                .plus(settings.latencyDuration());
        long deadline = System.nanoTime() + limit.toNanos();
        while (!round.getAsBoolean()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("bench interrupted while waiting for " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
        }
    }

    private static void awaitAll(List<Future<RecordMetadata>> sent, String what) {
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + " was interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
            }
        }
    }

    private synchronized void update(String format, Object... args) {
        long now = System.nanoTime();
        if (now - lastReport >= REPORT_EVERY.toNanos()) {
            lastReport = now;
            progress.update(String.format(Locale.ROOT, format, args));
        }
    }

    private static long cpuSince(long cpuStart) {
        long now = ResourceSampler.processCpuNanos();
        return cpuStart < 0 || now < 0 ? -1 : now - cpuStart;
    }

    private String benchTopic(String purpose) {
        return "paperwire-bench-" + runId + "." + purpose;
    }

    /** The baseline topics, with as many partitions as the published topic. */
    private static void createBenchTopics(Platform platform, String like, String... names) {
        try (Admin admin = platform.admin()) {
            int partitions = admin.describeTopics(List.of(like)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(like).partitions().size();
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, Optional.of(partitions), Optional.empty()));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the bench topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the bench topics: " + e.getMessage(), e);
        }
    }

    private void deleteBenchTopics(Platform platform) {
        try (Admin admin = platform.admin()) {
            admin.deleteTopics(List.of(benchTopic("raw"), benchTopic("pass-through"),
                    benchTopic("warm-up.published"), benchTopic("warm-up.signals"), benchTopic("warm-up.enriched"),
                    benchTopic("warm-up.trending"), benchTopic("warm-up.checkpoints"),
                    benchTopic("warm-up.deadletters"))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("could not delete the bench topics {}: {}", benchTopic("*"), e.getMessage());
        }
    }

    private static Set<String> keysOf(List<Paper> papers) {
        Set<String> keys = new HashSet<>();
        papers.forEach(p -> keys.add(p.getKey()));
        return keys;
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("could not delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("could not delete {}: {}", root, e.getMessage());
        }
    }
}
