package io.paperwire.schemas.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' handler for input records that do not deserialize: bad bytes become one {@code DeadLetter}
 * (written by {@link DeadLetterWriter} in the same transaction as the task's output) and the app goes on;
 * an infrastructure error (the registry cannot be reached) fails the stream thread.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private DeadLetterWriter deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterWriter.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        if (!DeadLetterWriter.isBadData(exception)) {
            log.error("cannot read {} partition {} offset {}: not a data error, failing", record.topic(),
                    record.partition(), record.offset(), exception);
            return Response.fail();
        }
        log.warn("dead-lettering {} partition {} offset {}: {}", record.topic(), record.partition(),
                record.offset(), exception.toString());
        return Response.resume(List.of(deadLetters.record(context, record.key(), record.value(), exception)));
    }
}
