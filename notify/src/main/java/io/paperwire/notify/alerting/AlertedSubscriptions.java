package io.paperwire.notify.alerting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What the alert ledger remembers of one paper (the value of {@value AlertTopology#LEDGER_STORE}, keyed by paper
 * key): every subscription alerted for it, with the {@link AlertLedgerEntry} of its last alert. One read and at most
 * one write per paper, however many subscriptions it matches.
 *
 * <p>Binary value ({@link #SERDE}): the format byte {@code 1}; the distinct enricher versions (a count, then each as
 * length + UTF-8), since most entries of a paper share one; then the entries (a count, then each as id length + UTF-8
 * id, paper version, index of its enricher version). Numbers are unsigned LEB128 varints (the version zig-zag
 * encoded). About {@code 3 + id length} bytes per subscription: ~40 for a UUID id, so a paper alerted to 4,000
 * subscriptions weighs ~160 KB, within the producer's 1 MB default record limit up to ~25,000 subscriptions.
 */
public final class AlertedSubscriptions {

    /** The serde of ledger values. */
    public static final Serde<AlertedSubscriptions> SERDE = Serdes.serdeFrom(
            (Serializer<AlertedSubscriptions>) (topic, value) -> value == null ? null : value.encode(),
            (Deserializer<AlertedSubscriptions>) (topic, bytes) -> bytes == null ? null : decode(bytes));

    static final byte FORMAT = 1;

    private final Map<String, AlertLedgerEntry> bySubscription;

    private AlertedSubscriptions(Map<String, AlertLedgerEntry> bySubscription) {
        this.bySubscription = bySubscription;
    }

    /** No subscription alerted yet. */
    public static AlertedSubscriptions none() {
        return new AlertedSubscriptions(new LinkedHashMap<>());
    }

    /** What was last alerted to this subscription for the paper, or null when nothing was. */
    public AlertLedgerEntry get(String subscriptionId) {
        return bySubscription.get(subscriptionId);
    }

    /** Records (or moves) the last alert of this subscription for the paper. */
    public void record(String subscriptionId, AlertLedgerEntry entry) {
        bySubscription.put(Objects.requireNonNull(subscriptionId, "subscriptionId"),
                Objects.requireNonNull(entry, "entry"));
    }

    /** The number of subscriptions alerted for the paper. */
    public int size() {
        return bySubscription.size();
    }

    /** A copy of the entries, in the order they were first recorded. */
    public Map<String, AlertLedgerEntry> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(bySubscription));
    }

    byte[] encode() {
        Map<String, Integer> enricherIndex = new HashMap<>();
        List<byte[]> enrichers = new ArrayList<>();
        for (AlertLedgerEntry entry : bySubscription.values()) {
            enricherIndex.computeIfAbsent(entry.enricherVersion(), version -> {
                enrichers.add(version.getBytes(StandardCharsets.UTF_8));
                return enrichers.size() - 1;
            });
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 40 * bySubscription.size());
        out.write(FORMAT);
        writeVarint(out, enrichers.size());
        for (byte[] enricher : enrichers) {
            writeVarint(out, enricher.length);
            out.writeBytes(enricher);
        }
        writeVarint(out, bySubscription.size());
        for (Map.Entry<String, AlertLedgerEntry> entry : bySubscription.entrySet()) {
            byte[] id = entry.getKey().getBytes(StandardCharsets.UTF_8);
            writeVarint(out, id.length);
            out.writeBytes(id);
            int version = entry.getValue().alertedVersion();
            writeVarint(out, (version << 1) ^ (version >> 31));
            writeVarint(out, enricherIndex.get(entry.getValue().enricherVersion()));
        }
        return out.toByteArray();
    }

    static AlertedSubscriptions decode(byte[] bytes) {
        Reader in = new Reader(bytes);
        int format = in.nextByte();
        if (format != FORMAT) {
            throw new SerializationException("not an alert ledger value: format byte " + format + ", expected "
                    + FORMAT);
        }
        int enricherCount = in.count("enricher versions");
        List<String> enrichers = new ArrayList<>(enricherCount);
        for (int i = 0; i < enricherCount; i++) {
            enrichers.add(in.utf8());
        }
        int entryCount = in.count("entries");
        Map<String, AlertLedgerEntry> entries = new LinkedHashMap<>(Math.max(16, entryCount * 2));
        for (int i = 0; i < entryCount; i++) {
            String id = in.utf8();
            int zigzag = in.varint();
            int version = (zigzag >>> 1) ^ -(zigzag & 1);
            int enricher = in.varint();
            if (enricher < 0 || enricher >= enrichers.size()) {
                throw new SerializationException("alert ledger value: entry " + i + " names enricher version "
                        + enricher + " of " + enrichers.size());
            }
            entries.put(id, new AlertLedgerEntry(version, enrichers.get(enricher)));
        }
        if (in.position < bytes.length) {
            throw new SerializationException("alert ledger value: " + (bytes.length - in.position)
                    + " bytes after the last entry");
        }
        return new AlertedSubscriptions(entries);
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            out.write((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write(rest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AlertedSubscriptions that && bySubscription.equals(that.bySubscription);
    }

    @Override
    public int hashCode() {
        return bySubscription.hashCode();
    }

    @Override
    public String toString() {
        return "AlertedSubscriptions" + bySubscription;
    }

    /** Reads a ledger value, failing with a {@link SerializationException} that says where it is short. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int nextByte() {
            if (position >= bytes.length) {
                throw new SerializationException("alert ledger value truncated at byte " + position + " of "
                        + bytes.length);
            }
            return bytes[position++];
        }

        int varint() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = nextByte();
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new SerializationException("alert ledger value: a number longer than 5 bytes at byte "
                    + position);
        }

        int count(String what) {
            int count = varint();
            // every item takes at least one byte, so a count beyond the bytes left is corrupt
            if (count < 0 || count > bytes.length - position) {
                throw new SerializationException("alert ledger value: " + count + " " + what + " cannot fit in "
                        + (bytes.length - position) + " bytes");
            }
            return count;
        }

        String utf8() {
            int length = count("bytes of text");
            String text = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }
    }
}
