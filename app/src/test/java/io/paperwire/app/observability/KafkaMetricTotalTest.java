package io.paperwire.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

/** Unit tests of the running totals and the consumer-lag sum over hand-made Kafka metrics. */
class KafkaMetricTotalTest {

    private final Map<MetricName, Metric> metrics = new HashMap<>();

    private static MetricName produced(String task, String topic) {
        return new MetricName("records-produced-total", "stream-topic-metrics", "",
                Map.of("task-id", task, "topic", topic, "processor-node-id", "sink"));
    }

    private void set(MetricName name, double value) {
        metrics.put(name, new Metric() {
            @Override
            public MetricName metricName() {
                return name;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        });
    }

    @Test
    void shouldAddOnlyTheGrowthOfTheSelectedMetricsAndNeverGoDown() {
        KafkaMetricTotal total = new KafkaMetricTotal(() -> metrics,
                KafkaMetricTotal.named("stream-topic-metrics", "records-produced-total", Map.of("topic", "out")));
        set(produced("1_0", "out"), 2);
        set(produced("1_1", "out"), 3);
        set(produced("1_1", "other"), 100);
        assertThat(total.total()).isEqualTo(5.0);

        set(produced("1_0", "out"), 4);
        assertThat(total.total()).as("grows by what grew").isEqualTo(7.0);

        metrics.remove(produced("1_1", "out")); // the task moved to another instance
        assertThat(total.total()).as("what it counted stays counted").isEqualTo(7.0);

        set(produced("1_1", "out"), 1); // the task came back and counts from zero
        assertThat(total.total()).isEqualTo(8.0);

        set(produced("1_0", "out"), 1); // a new client in place of the old one, read before the old one vanished
        assertThat(total.total()).isEqualTo(9.0);
    }

    @Test
    void shouldSumTheLagOfTheMainConsumersOncePerPartition() {
        String main = "app-1-StreamThread-1-consumer";
        set(lag(main, "papers.published", 0), 5);
        set(lag(main, "papers_published", 0), 5); // the deprecated copy of a topic name with dots
        set(lag(main, "papers.published", 1), 2);
        set(lag("app-1-StreamThread-2-consumer", "papers.signals", 0), 1);
        set(lag("app-1-StateUpdater-1-restore-consumer", "app-store-changelog", 0), 50);
        set(lag("app-1-global-consumer", "subscriptions", 0), 70);
        set(lag(main, "papers.published", 2), Double.NaN); // assigned, not fetched yet

        assertThat(PaperwireMetrics.consumerLag(metrics)).isEqualTo(8.0);
    }

    private static MetricName lag(String clientId, String topic, int partition) {
        return new MetricName("records-lag", "consumer-fetch-manager-metrics", "",
                Map.of("client-id", clientId, "topic", topic, "partition", String.valueOf(partition)));
    }
}
