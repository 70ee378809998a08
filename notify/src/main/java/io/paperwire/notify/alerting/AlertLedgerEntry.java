package io.paperwire.notify.alerting;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the alert ledger remembers of one (subscription, paper): the paper version last alerted and the enricher
 * version of the event that alerted it. Held per paper in {@link AlertedSubscriptions}; {@link #SERDE} is the value
 * format of the legacy ledger ({@value AlertTopology#LEGACY_LEDGER_STORE}, one entry per (subscription, paper)):
 * UTF-8 {@code <version>|<enricherVersion>}.
 *
 * @param alertedVersion  the paper version of the last alert
 * @param enricherVersion the enricher version of the event that made it
 */
public record AlertLedgerEntry(int alertedVersion, String enricherVersion) {

    /** The serde of ledger values. */
    public static final Serde<AlertLedgerEntry> SERDE = Serdes.serdeFrom(
            (Serializer<AlertLedgerEntry>) (topic, entry) -> entry == null ? null : entry.encode(),
            (Deserializer<AlertLedgerEntry>) (topic, bytes) -> bytes == null ? null : decode(bytes));

    public AlertLedgerEntry {
        Objects.requireNonNull(enricherVersion, "enricherVersion");
    }

    private byte[] encode() {
        return (alertedVersion + "|" + enricherVersion).getBytes(StandardCharsets.UTF_8);
    }

    private static AlertLedgerEntry decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int bar = text.indexOf('|');
        try {
            return new AlertLedgerEntry(Integer.parseInt(text.substring(0, bar)), text.substring(bar + 1));
        } catch (RuntimeException e) {
            throw new SerializationException("not an alert ledger entry: '" + text + "'", e);
        }
    }
}
