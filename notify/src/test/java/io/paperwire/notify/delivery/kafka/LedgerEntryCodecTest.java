package io.paperwire.notify.delivery.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.DeliveryLedger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerEntryCodecTest {

    private final LedgerEntryCodec codec = new LedgerEntryCodec(new ObjectMapper());

    @Test
    void shouldRoundTripAnEntryWithAndWithoutDetail() {
        DeliveryLedger.Entry withDetail = new DeliveryLedger.Entry(DeliveryKey.forAlert("s|p|v1", "webhook"),
                DeliveryLedger.State.DEAD, "dlv-1", 3, Instant.parse("2025-06-01T10:00:00.123Z"), "HTTP 500 \"oops\"");
        DeliveryLedger.Entry without = new DeliveryLedger.Entry(DeliveryKey.forDigest("s", "daily:2025-06-01"),
                DeliveryLedger.State.PENDING, "<d@x>", 0, Instant.parse("2025-06-01T10:00:00Z"), null);
        assertThat(codec.decode(withDetail.key().value(), codec.encode(withDetail))).isEqualTo(withDetail);
        assertThat(codec.decode(without.key().value(), codec.encode(without))).isEqualTo(without);
        assertThat(new String(codec.encode(without), StandardCharsets.UTF_8)).contains("\"v\":1");
    }

    @Test
    void shouldSayWhatIsWrongWithABadRecord() {
        assertThatThrownBy(() -> codec.decode("k", "not json".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("'k' is not JSON");
        assertThatThrownBy(() -> codec.decode("k", "{\"v\":2}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("format version 2");
        assertThatThrownBy(() -> codec.decode("k", ("{\"v\":1,\"key\":\"other\",\"state\":\"SENT\","
                + "\"idempotencyKey\":\"i\",\"updatedAt\":\"2025-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("holds the entry of 'other'");
        assertThatThrownBy(() -> codec.decode("k", ("{\"v\":1,\"key\":\"k\",\"state\":\"LOST\","
                + "\"idempotencyKey\":\"i\",\"updatedAt\":\"2025-01-01T00:00:00Z\"}").getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown state");
    }
}
