package io.paperwire.enrich.store;

import io.paperwire.enrich.trending.SignalObservation;
import io.paperwire.schemas.SignalKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of {@link SignalHistory} for the trending state store and its changelog: a format byte, the published
 * flag, then each observation as kind name, count, observation time (epoch millis) and source. Kind names that
 * this build does not know read as {@link SignalKind#OTHER}.
 */
public final class SignalHistorySerde implements Serde<SignalHistory> {

    private static final byte FORMAT = 1;

    @Override
    public Serializer<SignalHistory> serializer() {
        return (topic, history) -> history == null ? null : write(history);
    }

    @Override
    public Deserializer<SignalHistory> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(SignalHistory history) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeBoolean(history.published());
            out.writeInt(history.observations().size());
            for (SignalObservation observation : history.observations()) {
                out.writeUTF(observation.paperKey());
                out.writeUTF(observation.kind().name());
                out.writeLong(observation.count());
                out.writeLong(observation.observedAt().toEpochMilli());
                out.writeUTF(observation.source());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    static SignalHistory read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new SerializationException("signal history has format " + format + ", expected " + FORMAT);
            }
            boolean published = in.readBoolean();
            int size = in.readInt();
            if (size < 0) {
                throw new SerializationException("signal history has a negative size " + size);
            }
            List<SignalObservation> observations = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                String paperKey = in.readUTF();
                SignalKind kind = kind(in.readUTF());
                long count = in.readLong();
                Instant observedAt = Instant.ofEpochMilli(in.readLong());
                observations.add(new SignalObservation(paperKey, kind, count, observedAt, in.readUTF()));
            }
            return new SignalHistory(observations, published);
        } catch (IOException e) {
            throw new SerializationException("corrupt signal history: " + e.getMessage(), e);
        }
    }

    private static SignalKind kind(String name) {
        try {
            return SignalKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return SignalKind.OTHER;
        }
    }
}
