package io.paperwire.app.scenarios;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/**
 * The end-to-end scenarios ({@link EndToEndScenarios}) on the embedded stack: paperwire's in-JVM KRaft broker and its
 * own schema registry. Runs unless {@code -Dpaperwire.test.stack=containers} (or {@code -Pcontainers}) leaves it out;
 * {@code all}, the default, and {@code embedded} run it. See {@code docs/containers.md}.
 */
class EmbeddedStackScenariosTest extends EndToEndScenarios {

    @Override
    Stack startStack(Path dir) {
        StackSelection selection = StackSelection.current();
        assumeTrue(selection.embedded(), selection.notSelected("embedded"));
        return EmbeddedStack.start(dir);
    }
}
