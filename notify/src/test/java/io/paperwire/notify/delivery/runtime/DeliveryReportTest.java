package io.paperwire.notify.delivery.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.InMemoryDeliveryLedger;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryReportTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    @Test
    void shouldListDeadThenRetryingDeliveriesAndLeaveOutSentOnes() {
        InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
        DeliveryKey sent = DeliveryKey.forAlert("a-1", "email");
        DeliveryKey retrying = DeliveryKey.forAlert("a-2", "email");
        DeliveryKey dead = DeliveryKey.forAlert("a-3", "webhook");
        DeliveryKey untried = DeliveryKey.forDigest("sub-1", "daily:2025-06-01");
        ledger.recordIntent(sent, "m1", T0);
        ledger.recordSent(sent, "250 OK", T0);
        ledger.recordIntent(retrying, "m2", T0);
        ledger.recordFailedAttempt(retrying, "connection refused", T0.plusSeconds(5));
        ledger.recordIntent(dead, "d3", T0);
        ledger.recordFailedAttempt(dead, "answered 500", T0.plusSeconds(1));
        ledger.recordFailedAttempt(dead, "answered 500", T0.plusSeconds(2));
        ledger.recordDead(dead, "answered 500", T0.plusSeconds(2));
        ledger.recordIntent(untried, "<digest@x>", T0.plusSeconds(9));

        DeliveryReport failed = DeliveryReport.failed(ledger);
        assertThat(failed.rows()).extracting(DeliveryReport.Row::key, DeliveryReport.Row::channel,
                        DeliveryReport.Row::status, DeliveryReport.Row::attempts, DeliveryReport.Row::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(dead.value(), "webhook", DeliveryReport.Status.DEAD, 2,
                                "answered 500"),
                        org.assertj.core.groups.Tuple.tuple(retrying.value(), "email",
                                DeliveryReport.Status.RETRYING, 1, "connection refused"));
        assertThat(failed.format()).contains("DEAD", "RETRYING", "connection refused").doesNotContain(sent.value());

        assertThat(DeliveryReport.unfinished(ledger).rows()).extracting(DeliveryReport.Row::key)
                .containsExactly(dead.value(), retrying.value(), untried.value());
        assertThat(DeliveryReport.unfinished(ledger).rows().get(2).channel()).isEqualTo("digest");
    }

    @Test
    void shouldSayWhenNothingFailed() {
        assertThat(DeliveryReport.failed(new InMemoryDeliveryLedger()).format()).isEqualTo("no failed deliveries\n");
    }
}
