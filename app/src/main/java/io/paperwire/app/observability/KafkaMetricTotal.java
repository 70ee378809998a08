package io.paperwire.app.observability;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * A running total over cumulative Kafka client metrics, e.g. {@code record-send-total} of every producer of a
 * Streams app for one topic. Kafka removes a client's metrics when the client goes (a stream thread replaced, a
 * task moved to another instance) and a new client counts from zero, so a plain sum could go down; this total
 * only adds what each metric grew by since it was last read, and a metric that is new or smaller than before
 * counts from zero. It never decreases, so Prometheus can take its rate. Increments made between the last read and
 * a metric's removal are not seen. Thread-safe.
 */
public final class KafkaMetricTotal {

    private final Supplier<? extends Map<MetricName, ? extends Metric>> metrics;
    private final Predicate<MetricName> selected;
    private final Map<MetricName, Double> lastSeen = new HashMap<>();
    private double total;

    /**
     * @param metrics  the client's metrics as they are now (e.g. {@code KafkaStreams::metrics})
     * @param selected which of them to add up
     */
    public KafkaMetricTotal(Supplier<? extends Map<MetricName, ? extends Metric>> metrics,
                            Predicate<MetricName> selected) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.selected = Objects.requireNonNull(selected, "selected");
    }

    /** Reads the selected metrics and returns the total so far. */
    public synchronized double total() {
        Map<MetricName, Double> now = new HashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.get().entrySet()) {
            if (selected.test(entry.getKey()) && entry.getValue().metricValue() instanceof Number number) {
                double value = number.doubleValue();
                if (Double.isFinite(value)) {
                    now.put(entry.getKey(), value);
                }
            }
        }
        now.forEach((name, value) -> {
            Double before = lastSeen.get(name);
            total += before == null || value < before ? value : value - before;
        });
        lastSeen.clear();
        lastSeen.putAll(now);
        return total;
    }

    /** Metrics of {@code group} called {@code name} whose tags include every one of {@code tags}. */
    public static Predicate<MetricName> named(String group, String name, Map<String, String> tags) {
        return metric -> metric.group().equals(group) && metric.name().equals(name)
                && metric.tags().entrySet().containsAll(tags.entrySet());
    }
}
