/**
 * What paperwire's Kafka Streams apps share: the dead-letter writer and the deserialization and processing exception
 * handlers that route bad records to the {@code deadletters} topic (in the same transaction as the task's output)
 * while infrastructure errors fail the stream thread.
 */
package io.paperwire.schemas.streams;
