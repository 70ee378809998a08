/**
 * The delivery ledger on Kafka: {@link io.paperwire.notify.delivery.kafka.KafkaDeliveryLedger} keeps one entry per
 * delivery key in the compacted {@code deliveries} topic (JSON values, {@code "v":1}), rebuilds its state by reading
 * the topic to the end on start, and acknowledges every transition (acks=all, idempotent producer) before returning.
 * {@link io.paperwire.notify.delivery.kafka.TopicReplay} reads a topic to its end offsets, for the ledger and for the
 * runtime's views of {@code papers.enriched} and {@code papers.trending}.
 */
package io.paperwire.notify.delivery.kafka;
