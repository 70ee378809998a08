package io.paperwire.ingest.publish;

/** Where the runner writes each batch: Kafka in one transaction, or standard output in a dry run. */
public interface BatchSink {

    /**
     * Writes the batch completely or not at all.
     *
     * @throws PublishException when it could not be written; nothing of the batch is visible then
     */
    void write(OutgoingBatch batch) throws PublishException;
}
