package io.paperwire.app.scenarios;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The end-to-end scenarios ({@link EndToEndScenarios}) on real containers: Apache Kafka ({@value
 * ContainerStack#KAFKA_IMAGE}) and the Confluent Schema Registry ({@value ContainerStack#SCHEMA_REGISTRY_IMAGE}), via
 * Testcontainers. Runs with {@code -Dpaperwire.test.stack=all} (the default) or {@code containers}
 * ({@code -Pcontainers}) when Docker answers; otherwise each scenario is skipped with the reason ("Docker not
 * available: ..." or the property's value). See {@code docs/containers.md}.
 */
class ContainerStackScenariosTest extends EndToEndScenarios {

    @Override
    Stack startStack(Path dir) {
        StackSelection selection = StackSelection.current();
        assumeTrue(selection.containers(), selection.notSelected("containers"));
        Optional<String> unavailable = ContainerStack.unavailableReason();
        assumeTrue(unavailable.isEmpty(), unavailable::get);
        return ContainerStack.start();
    }
}
