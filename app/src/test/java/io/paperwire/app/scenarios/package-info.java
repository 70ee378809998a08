/**
 * End-to-end scenarios written once and run on two stacks: the embedded broker and paperwire's registry
 * ({@link io.paperwire.app.scenarios.EmbeddedStackScenariosTest}), and real containers, Apache Kafka and the
 * Confluent Schema Registry via Testcontainers ({@link io.paperwire.app.scenarios.ContainerStackScenariosTest}).
 * A {@link io.paperwire.app.scenarios.Stack} gives the bootstrap servers and the registry URL; paperwire's services
 * run on it in the test JVM through {@code app}'s runners ({@link io.paperwire.app.scenarios.PaperwireServices}), or,
 * to be killed, in a JVM of their own ({@link io.paperwire.app.scenarios.PaperwireProcess}). The system property
 * {@code paperwire.test.stack} ({@code all}, {@code embedded}, {@code containers}; Maven profile {@code containers})
 * selects the stacks; see {@code docs/containers.md}. Also here: the checks of {@code docker-compose.yml}.
 */
package io.paperwire.app.scenarios;
