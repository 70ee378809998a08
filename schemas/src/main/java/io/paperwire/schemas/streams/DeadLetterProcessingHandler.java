package io.paperwire.schemas.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' handler for exceptions thrown while processing a record (KIP-1033): when the record is at fault
 * ({@link DeadLetterWriter#isBadData}) its source bytes become one {@code DeadLetter} and the app goes on;
 * anything else (state store, Kafka, I/O failures) fails the stream thread.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private DeadLetterWriter deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetterWriter.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!DeadLetterWriter.isBadData(exception)) {
            log.error("processing {} partition {} offset {} failed at {}: not a data error, failing",
                    context.topic(), context.partition(), context.offset(), context.processorNodeId(), exception);
            return Response.fail();
        }
        log.warn("dead-lettering {} partition {} offset {} (failed at {}): {}", context.topic(),
                context.partition(), context.offset(), context.processorNodeId(), exception.toString());
        return Response.resume(List.of(
                deadLetters.record(context, context.sourceRawKey(), context.sourceRawValue(), exception)));
    }
}
