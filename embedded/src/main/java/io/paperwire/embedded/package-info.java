/**
 * The one-machine Kafka platform: {@link io.paperwire.embedded.EmbeddedKafka}, a single-node KRaft broker run
 * in-process from the real Kafka server artifacts (used by {@code paperwire up} and by every test that crosses Kafka),
 * {@link io.paperwire.embedded.TopicInitializer}, which creates topics and waits until they answer, and
 * {@link io.paperwire.embedded.SharedData}, which finds the shared real-data folder for tests.
 */
package io.paperwire.embedded;
