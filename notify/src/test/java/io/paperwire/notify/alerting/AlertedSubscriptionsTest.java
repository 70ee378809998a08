package io.paperwire.notify.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AlertedSubscriptionsTest {

    private static byte[] encode(AlertedSubscriptions value) {
        return AlertedSubscriptions.SERDE.serializer().serialize("ledger", value);
    }

    private static AlertedSubscriptions decode(byte[] bytes) {
        return AlertedSubscriptions.SERDE.deserializer().deserialize("ledger", bytes);
    }

    @Test
    void shouldRoundTripEntriesWithTheirVersionsAndEnricherVersions() {
        AlertedSubscriptions value = AlertedSubscriptions.none();
        value.record("subA", new AlertLedgerEntry(1, "e1"));
        value.record("sub-ü-ß", new AlertLedgerEntry(3, "enrich 0.4.0-r2"));
        value.record("subC", new AlertLedgerEntry(Integer.MAX_VALUE, "e1"));
        value.record("subD", new AlertLedgerEntry(-7, ""));
        value.record("subE", new AlertLedgerEntry(0, "e1"));

        AlertedSubscriptions back = decode(encode(value));

        assertThat(back).isEqualTo(value);
        assertThat(back.get("sub-ü-ß")).isEqualTo(new AlertLedgerEntry(3, "enrich 0.4.0-r2"));
        assertThat(back.get("subD")).isEqualTo(new AlertLedgerEntry(-7, ""));
        assertThat(back.get("nobody")).isNull();
        assertThat(back.asMap().keySet()).containsExactly("subA", "sub-ü-ß", "subC", "subD", "subE");
    }

    @Test
    void shouldRoundTripNothingAndNull() {
        assertThat(decode(encode(AlertedSubscriptions.none())).size()).isZero();
        assertThat(encode(null)).isNull();
        assertThat(decode(null)).isNull();
    }

    @Test
    void shouldMoveAnEntryWhenRecordedAgain() {
        AlertedSubscriptions value = AlertedSubscriptions.none();
        value.record("subA", new AlertLedgerEntry(1, "e1"));
        value.record("subA", new AlertLedgerEntry(2, "e2"));

        assertThat(decode(encode(value)).asMap()).containsExactly(Map.entry("subA", new AlertLedgerEntry(2, "e2")));
    }

    @Test
    void shouldWriteEachEnricherVersionOnceAndStayCompactForThousandsOfSubscriptions() {
        AlertedSubscriptions value = AlertedSubscriptions.none();
        Map<String, AlertLedgerEntry> expected = new LinkedHashMap<>();
        for (int i = 0; i < 4_000; i++) {
            String id = UUID.nameUUIDFromBytes(("sub" + i).getBytes()).toString();
            AlertLedgerEntry entry = new AlertLedgerEntry(1 + i % 3, i % 2 == 0 ? "enrich-0.4.0" : "enrich-0.4.0-r2");
            value.record(id, entry);
            expected.put(id, entry);
        }

        byte[] bytes = encode(value);

        // 36-character ids: 1 length byte + 36 + 1 version byte + 1 enricher byte = 39 bytes each
        assertThat(bytes.length).isLessThan(4_000 * 40 + 64);
        assertThat(decode(bytes).asMap()).isEqualTo(expected);
    }

    @Test
    void shouldRefuseBytesOfAnotherFormat() {
        byte[] legacy = "1|e1".getBytes();
        assertThatThrownBy(() -> decode(legacy)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("format byte");
        assertThatThrownBy(() -> decode(new byte[0])).isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void shouldRefuseTruncatedOrPaddedValues() {
        AlertedSubscriptions value = AlertedSubscriptions.none();
        value.record("subA", new AlertLedgerEntry(1, "e1"));
        value.record("subB", new AlertLedgerEntry(2, "e1"));
        byte[] bytes = encode(value);

        for (int length = 1; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> decode(truncated)).as("first %d bytes", length)
                    .isInstanceOf(SerializationException.class);
        }
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> decode(padded)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("after the last entry");
    }

    @Test
    void shouldRefuseAnEntryNamingAMissingEnricherVersion() {
        // format 1, one enricher version "e", one entry "s" version 1 (zig-zag 2) naming enricher version 5
        byte[] bytes = {1, 1, 1, 'e', 1, 1, 's', 2, 5};
        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("enricher version 5 of 1");
    }
}
