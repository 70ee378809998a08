package io.paperwire.schemas.streams;

import io.paperwire.schemas.DeadLetter;
import io.paperwire.schemas.Topic;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Turns a record a Kafka Streams app of paperwire (enrich, notify) could not read or process into a
 * {@link DeadLetter} on the dead-letter topic (the app's stage, original topic, partition, offset, key and value
 * bytes, error class and message, time), keyed {@code <stage>:<topic>/<partition>@<offset>}. Also sorts errors:
 * {@link #isBadData(Exception)} says whether an error is the record's fault (dead-letter it and go on) or the
 * infrastructure's (fail loudly).
 *
 * <p>Kafka Streams builds its exception handlers from class names, so the handlers find their writer in the
 * Streams configuration under {@link #CONFIG_KEY}; each app's {@code streamsProperties} puts it there. Thread-safe.
 */
public final class DeadLetterWriter {

    /** The configuration key under which the error handlers find this writer. */
    public static final String CONFIG_KEY = "paperwire.dead.letter.writer";

    private final String stage;
    private final Topic<String, DeadLetter> topic;
    private final int maxValueBytes;
    private final Clock clock;

    /**
     * @param stage         the stage written into every dead letter: enrich, notify
     * @param topic         the dead-letter topic with its serdes
     * @param maxValueBytes value bytes kept; a longer value is truncated (and the message says so)
     * @param clock         time of the failure
     */
    public DeadLetterWriter(String stage, Topic<String, DeadLetter> topic, int maxValueBytes, Clock clock) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.topic = Objects.requireNonNull(topic, "topic");
        if (maxValueBytes <= 0) {
            throw new IllegalArgumentException("maxValueBytes must be positive, was " + maxValueBytes);
        }
        this.maxValueBytes = maxValueBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The writer placed in a Streams configuration by the app. */
    static DeadLetterWriter from(Map<String, ?> configs) {
        Object writer = configs.get(CONFIG_KEY);
        if (!(writer instanceof DeadLetterWriter deadLetters)) {
            throw new IllegalStateException("the Streams configuration has no " + DeadLetterWriter.class.getName()
                    + " under " + CONFIG_KEY + " (found " + writer + "); build the Streams properties with the app's "
                    + "streamsProperties");
        }
        return deadLetters;
    }

    /**
     * Whether {@code error} is the fault of the record rather than of the infrastructure. Bad data: bytes that do
     * not decode ({@link SerializationException}, which includes an unknown schema id) and exceptions thrown by
     * the app's own code on a value ({@code IllegalArgumentException}, {@code NullPointerException}, …). Not bad
     * data: every other {@link KafkaException} (a registry that cannot be reached, a broken state store, a
     * fenced producer), {@link UncheckedIOException} and errors.
     */
    public static boolean isBadData(Exception error) {
        if (error instanceof SerializationException) {
            return true;
        }
        return error instanceof RuntimeException
                && !(error instanceof KafkaException)
                && !(error instanceof UncheckedIOException);
    }

    /** The dead-letter record of a record that failed at {@code context}. */
    public ProducerRecord<byte[], byte[]> record(ErrorHandlerContext context, byte[] key, byte[] value,
                                                 Exception error) {
        boolean truncated = value != null && value.length > maxValueBytes;
        String message = String.valueOf(error.getMessage());
        if (truncated) {
            message += " (value truncated from " + value.length + " to " + maxValueBytes + " bytes)";
        }
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage(stage)
                .setOriginalTopic(context.topic())
                .setPartition(context.partition() < 0 ? null : context.partition())
                .setOffset(context.offset() < 0 ? null : context.offset())
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null
                        : ByteBuffer.wrap(truncated ? Arrays.copyOf(value, maxValueBytes) : value))
                .setErrorClass(error.getClass().getName())
                .setErrorMessage(message)
                .setOccurredAt(clock.instant())
                .build();
        String letterKey = stage + ":" + context.topic() + "/" + context.partition() + "@" + context.offset();
        return new ProducerRecord<>(topic.name(), null,
                topic.keySerde().serializer().serialize(topic.name(), letterKey),
                topic.valueSerde().serializer().serialize(topic.name(), letter));
    }
}
