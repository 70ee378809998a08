package io.paperwire.app.observability;

import static io.paperwire.app.observability.PrometheusText.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.paperwire.ingest.IngestListener;
import io.paperwire.ingest.IngestSummary;
import io.paperwire.ingest.SourceCounts;
import io.paperwire.notify.delivery.DeliveryAttempt;
import io.paperwire.notify.delivery.DeliveryAttemptListener;
import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.DeliveryResult;
import org.junit.jupiter.api.Test;

/** Unit tests of the counters fed by ingest and delivery, read back from the Prometheus scrape. */
class PaperwireMetricsTest {

    private static SourceCounts counts(long published, long signals, long deadLettered) {
        return new SourceCounts(published + signals + deadLettered, published, 0, 0, signals, 0, 0, deadLettered, 0,
                1, Optional.empty());
    }

    @Test
    void shouldCountWhatIngestPublishesAcrossProgressReportsAndRuns() {
        try (PaperwireMetrics metrics = PaperwireMetrics.create()) {
            List<String> heard = new java.util.ArrayList<>();
            IngestListener listener = metrics.ingestListener(new IngestListener() {
                @Override
                public void finished(IngestSummary summary) {
                    heard.add("finished");
                }
            });
            listener.progress(counts(3, 1, 0));
            listener.progress(counts(5, 1, 1));
            listener.finished(new IngestSummary(Map.of("file", counts(6, 2, 1)), Duration.ofSeconds(1), false,
                    Optional.empty()));
            listener.finished(new IngestSummary(Map.of("file", counts(4, 0, 2)), Duration.ofSeconds(1), false,
                    Optional.empty()));

            String scrape = metrics.scrape();
            assertThat(sample(scrape, "paperwire_papers_ingested_total")).hasValue(10.0);
            assertThat(sample(scrape, "paperwire_signals_ingested_total")).hasValue(2.0);
            assertThat(sample(scrape, "paperwire_dead_letters_total", Map.of("stage", "ingest"))).hasValue(3.0);
            assertThat(heard).containsExactly("finished", "finished");
        }
    }

    @Test
    void shouldCountDeliveriesByOutcome() {
        try (PaperwireMetrics metrics = PaperwireMetrics.create()) {
            DeliveryAttemptListener email = metrics.deliveryListener("email");
            DeliveryKey key = DeliveryKey.forAlert("a1", "email");
            Instant at = Instant.parse("2026-11-28T10:00:00Z");
            email.attempted(new DeliveryAttempt(key, "<a1>", 1, at, DeliveryResult.retryable("421"), at.plusSeconds(30),
                    false));
            email.attempted(new DeliveryAttempt(key, "<a1>", 2, at, DeliveryResult.delivered("250"), null, false));
            email.attempted(new DeliveryAttempt(key, "<a2>", 1, at, DeliveryResult.permanent("550"), null, true));
            metrics.deadLettered("delivery");

            String scrape = metrics.scrape();
            assertThat(sample(scrape, "paperwire_deliveries_total", Map.of("channel", "email", "outcome", "sent")))
                    .hasValue(1.0);
            assertThat(sample(scrape, "paperwire_deliveries_total", Map.of("channel", "email", "outcome", "retried")))
                    .hasValue(1.0);
            assertThat(sample(scrape, "paperwire_deliveries_total", Map.of("channel", "email", "outcome", "failed")))
                    .hasValue(1.0);
            assertThat(sample(scrape, "paperwire_dead_letters_total", Map.of("stage", "delivery"))).hasValue(1.0);
            assertThat(sample(scrape, "jvm_threads_live_threads")).isPresent();
        }
    }
}
