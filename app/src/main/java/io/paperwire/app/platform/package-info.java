/**
 * The Kafka platform paperwire runs on — embedded broker and registry or an existing cluster — and the catalog of
 * paperwire's topics with their partitions, replication and retention.
 */
package io.paperwire.app.platform;
