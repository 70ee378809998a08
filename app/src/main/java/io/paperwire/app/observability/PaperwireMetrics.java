package io.paperwire.app.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.paperwire.ingest.IngestListener;
import io.paperwire.ingest.IngestSummary;
import io.paperwire.ingest.SourceCounts;
import io.paperwire.notify.delivery.DeliveryAttempt;
import io.paperwire.notify.delivery.DeliveryAttemptListener;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's metrics registry (Prometheus format) and paperwire's own meters in it; every meter is documented in
 * {@code docs/observability.md}. JVM meters (memory, GC, threads, classes, CPU, uptime) are bound at creation; a
 * Streams app's Kafka metrics and paperwire's meters derived from them when it is {@link #watchStreamsApp watched}.
 * Counts from the services arrive through {@link #ingestListener}, {@link #deliveryListener} and
 * {@link #deadLettered}. Thread-safe.
 */
public final class PaperwireMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PaperwireMetrics.class);

    /** Micrometer names; Prometheus shows them with {@code _} and, for counters, {@code _total}. */
    static final String PAPERS_INGESTED = "paperwire.papers.ingested";
    static final String SIGNALS_INGESTED = "paperwire.signals.ingested";
    static final String PAPERS_ENRICHED = "paperwire.papers.enriched";
    static final String PAPERS_MATCHED = "paperwire.papers.matched";
    static final String DEAD_LETTERS = "paperwire.dead.letters";
    static final String CONSUMER_LAG = "paperwire.consumer.lag";
    static final String STREAMS_RUNNING = "paperwire.streams.running";
    static final String DELIVERIES = "paperwire.deliveries";
    static final String DELIVERIES_QUEUED = "paperwire.deliveries.queued";
    static final String DIGEST_MATCHES_HELD = "paperwire.digest.matches.held";

    /** The dead-letter stages, each with its own count from the start (0 until something fails). */
    public static final List<String> STAGES = List.of("ingest", "enrich", "notify", "delivery");

    private final PrometheusMeterRegistry registry;
    private final List<AutoCloseable> binders = new ArrayList<>();
    /** Micrometer holds the objects behind function counters weakly; these are held here. */
    private final List<KafkaMetricTotal> totals = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong papersIngested = new AtomicLong();
    private final AtomicLong signalsIngested = new AtomicLong();
    private final Map<String, AtomicLong> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> deliveries = new ConcurrentHashMap<>();

    private PaperwireMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    /** A registry with the JVM meters and paperwire's counters that exist from the start (at zero). */
    public static PaperwireMetrics create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PaperwireMetrics metrics = new PaperwireMetrics(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        metrics.binders.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        FunctionCounter.builder(PAPERS_INGESTED, metrics.papersIngested, AtomicLong::doubleValue)
                .description("Paper events published by ingest in this process (new papers, new versions, updates)")
                .register(registry);
        FunctionCounter.builder(SIGNALS_INGESTED, metrics.signalsIngested, AtomicLong::doubleValue)
                .description("Engagement signals published by ingest in this process")
                .register(registry);
        metrics.counter(metrics.deadLetters, DEAD_LETTERS, "stage", "ingest",
                "Records written to the dead-letter topic, by the stage that gave them up");
        metrics.counter(metrics.deadLetters, DEAD_LETTERS, "stage", "delivery",
                "Records written to the dead-letter topic, by the stage that gave them up");
        return metrics;
    }

    /** The registry, for further binders. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Watches a Kafka Streams app of this process: binds its Kafka client metrics ({@code kafka_stream_*},
     * {@code kafka_consumer_*}, {@code kafka_producer_*}, tagged {@code app}), and derives from them
     * {@code paperwire_consumer_lag_records{app}}, {@code paperwire_streams_running{app}},
     * {@code paperwire_dead_letters_total{stage=app}} (records it wrote to {@code deadLetterTopic}) and,
     * when given, a counter of the records it sent to {@code countedTopic}.
     *
     * @param app          the app's name: enrich, notify
     * @param streams      the app's client
     * @param deadLetterTopic the dead-letter topic's name
     * @param countedOutput the meter name and the topic whose records it counts, e.g. papers enriched
     */
    void watchStreamsApp(String app, KafkaStreams streams, String deadLetterTopic, CountedOutput countedOutput) {
        Objects.requireNonNull(streams, "streams");
        KafkaStreamsMetrics kafka = new KafkaStreamsMetrics(streams, Tags.of("app", app));
        kafka.bindTo(registry);
        binders.add(kafka);
        Supplier<Map<MetricName, ? extends org.apache.kafka.common.Metric>> source = streams::metrics;
        KafkaMetricTotal sentToDeadLetters = new KafkaMetricTotal(source, sentTo(deadLetterTopic));
        totals.add(sentToDeadLetters);
        FunctionCounter.builder(DEAD_LETTERS, sentToDeadLetters, KafkaMetricTotal::total)
                .description("Records written to the dead-letter topic, by the stage that gave them up")
                .tags("stage", app)
                .register(registry);
        KafkaMetricTotal output = new KafkaMetricTotal(source, sentTo(countedOutput.topic()));
        totals.add(output);
        FunctionCounter.builder(countedOutput.meterName(), output, KafkaMetricTotal::total)
                .description(countedOutput.description())
                .register(registry);
        Gauge.builder(CONSUMER_LAG, streams, s -> consumerLag(s.metrics()))
                .description("Records the app's consumers in this process are behind the end of their input partitions")
                .baseUnit("records")
                .tags("app", app)
                .register(registry);
        Gauge.builder(STREAMS_RUNNING, streams, s -> s.state() == KafkaStreams.State.RUNNING ? 1 : 0)
                .description("1 while the Kafka Streams app is RUNNING, 0 otherwise")
                .tags("app", app)
                .register(registry);
    }

    /**
     * A meter counting the records a Streams app sent to one topic.
     *
     * @param meterName   the Micrometer name
     * @param topic       the topic
     * @param description what it counts
     */
    record CountedOutput(String meterName, String topic, String description) {
    }

    /**
     * Streams metric {@code records-produced-total} of one topic, over every task and sink node (dead letters
     * included). Unlike the producer's {@code record-send-total}, a produce request the producer retries is not
     * counted twice.
     */
    private static Predicate<MetricName> sentTo(String topic) {
        return KafkaMetricTotal.named("stream-topic-metrics", "records-produced-total", Map.of("topic", topic));
    }

    /**
     * The records a Streams app's main consumers are behind, summed over their partitions. The consumer reports a
     * topic with dots twice (a deprecated copy with underscores); each partition counts once.
     */
    static double consumerLag(Map<MetricName, ? extends org.apache.kafka.common.Metric> metrics) {
        Map<String, Double> byPartition = new java.util.HashMap<>();
        metrics.forEach((name, metric) -> {
            if (mainConsumerLag().test(name) && metric.metricValue() instanceof Number lag
                    && Double.isFinite(lag.doubleValue())) {
                String partition = name.tags().get("client-id") + "/" + name.tags().getOrDefault("topic", "")
                        .replace('.', '_') + "/" + name.tags().get("partition");
                byPartition.merge(partition, lag.doubleValue(), Math::max);
            }
        });
        return byPartition.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Per-partition {@code records-lag} of a Streams app's main consumers (not its restore or global consumer). */
    static Predicate<MetricName> mainConsumerLag() {
        return metric -> metric.group().equals("consumer-fetch-manager-metrics")
                && metric.name().equals("records-lag")
                && metric.tags().containsKey("partition")
                && metric.tags().getOrDefault("client-id", "").contains("-StreamThread-")
                && metric.tags().getOrDefault("client-id", "").endsWith("-consumer")
                && !metric.tags().getOrDefault("client-id", "").endsWith("-restore-consumer");
    }

    /**
     * Counts what ingest publishes ({@code paperwire_papers_ingested_total}, {@code paperwire_signals_ingested_total},
     * dead letters of stage ingest), then passes every call on to {@code next}. Counts grow with each progress report
     * of a run and are complete when the run finishes. For one ingest runtime: runs do not overlap.
     */
    public IngestListener ingestListener(IngestListener next) {
        Objects.requireNonNull(next, "next");
        AtomicLong deadLettered = deadLetters.get("ingest");
        return new IngestListener() {
            private SourceCounts counted = SourceCounts.zero();

            @Override
            public void progress(SourceCounts totalSoFar) {
                count(totalSoFar);
                next.progress(totalSoFar);
            }

            @Override
            public void sourceError(String sourceId, String message, boolean givenUp) {
                next.sourceError(sourceId, message, givenUp);
            }

            @Override
            public void finished(IngestSummary summary) {
                count(summary.total());
                synchronized (this) {
                    counted = SourceCounts.zero();
                }
                next.finished(summary);
            }

            private synchronized void count(SourceCounts total) {
                papersIngested.addAndGet(Math.max(0, total.published() - counted.published()));
                signalsIngested.addAndGet(Math.max(0, total.signals() - counted.signals()));
                deadLettered.addAndGet(Math.max(0, total.deadLettered() - counted.deadLettered()));
                counted = total;
            }
        };
    }

    /**
     * Counts the finished attempts of one delivery channel in {@code paperwire_deliveries_total{channel,outcome}}:
     * {@code sent} (the receiver accepted it), {@code retried} (failed, another attempt is scheduled),
     * {@code failed} (given up and dead-lettered, or its outcome could not be recorded).
     */
    public DeliveryAttemptListener deliveryListener(String channel) {
        AtomicLong sent = deliveryCounter(channel, "sent");
        AtomicLong retried = deliveryCounter(channel, "retried");
        AtomicLong failed = deliveryCounter(channel, "failed");
        return (DeliveryAttempt attempt) -> {
            if (attempt.deadLettered()) {
                failed.incrementAndGet();
            } else if (attempt.nextAttempt().isPresent()) {
                retried.incrementAndGet();
            } else if (attempt.result().isDelivered()) {
                sent.incrementAndGet();
            } else {
                failed.incrementAndGet();
            }
        };
    }

    /** Counts one record written to the dead-letter topic by {@code stage} (ingest and delivery report here). */
    public void deadLettered(String stage) {
        counter(deadLetters, DEAD_LETTERS, "stage", stage,
                "Records written to the dead-letter topic, by the stage that gave them up").incrementAndGet();
    }

    /** A gauge of deliveries of {@code channel} waiting for an attempt or in one. */
    public void gaugeDeliveriesQueued(String channel, Supplier<Number> queued) {
        Gauge.builder(DELIVERIES_QUEUED, queued).description("Deliveries waiting for an attempt or in one")
                .tags("channel", channel).register(registry);
    }

    /** A gauge of the matches held for the subscriptions' next digests. */
    public void gaugeDigestMatchesHeld(Supplier<Number> held) {
        Gauge.builder(DIGEST_MATCHES_HELD, held).description("Matches held in memory for the subscriptions' next digests")
                .register(registry);
    }

    private AtomicLong deliveryCounter(String channel, String outcome) {
        return deliveries.computeIfAbsent(channel + "/" + outcome, key -> {
            AtomicLong count = new AtomicLong();
            FunctionCounter.builder(DELIVERIES, count, AtomicLong::doubleValue)
                    .description("Finished delivery attempts by channel and outcome (sent, retried, failed)")
                    .tags("channel", channel, "outcome", outcome)
                    .register(registry);
            return count;
        });
    }

    private AtomicLong counter(Map<String, AtomicLong> counts, String name, String tag, String value,
                               String description) {
        return counts.computeIfAbsent(value, v -> {
            AtomicLong count = new AtomicLong();
            FunctionCounter.builder(name, count, AtomicLong::doubleValue).description(description).tags(tag, v)
                    .register(registry);
            return count;
        });
    }

    /** Stops the binders that run threads of their own and closes the registry. */
    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                log.warn("stopping the metrics binder {} failed: {}", binder.getClass().getSimpleName(), e.toString());
            }
        }
        registry.close();
    }
}
