package io.paperwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import io.paperwire.app.config.Settings;
import org.junit.jupiter.api.Test;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void shouldPrintTheVersionWithKafkaAndJava() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("paperwire").contains("Apache Kafka 4.").contains("Java");
    }

    @Test
    void shouldOfferHelpOnEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("up");
        for (String command : new String[] {"up", "demo", "ingest", "run", "annotate", "eval", "feed", "deliveries"}) {
            out.getBuffer().setLength(0);
            assertThat(run(command, "--help")).isZero();
            assertThat(out.toString()).contains("Usage: paperwire " + command);
        }
    }

    @Test
    void shouldExitNonZeroWithAOneLineReasonOnBadArguments() {
        assertThat(run("up", "--no-such-flag")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("paperwire up:").contains("--no-such-flag");

        err.getBuffer().setLength(0);
        assertThat(run("replay", "enrich")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").startsWith("paperwire replay enrich: ")
                .contains("--earliest").endsWith("(see 'paperwire replay enrich --help')");

        err.getBuffer().setLength(0);
        assertThat(run("no-such-command")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("no-such-command");

        err.getBuffer().setLength(0);
        assertThat(run("up", "--kafka-port", "not-a-number")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("not-a-number");
    }

    @Test
    void shouldDocumentEverySetting() throws IOException {
        Path doc = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs", "configuration.md");
        if (!Files.exists(doc)) {
            doc = Path.of("..", "docs", "configuration.md");
        }
        String text = Files.readString(doc);
        for (String name : Settings.names()) {
            assertThat(text).as("docs/configuration.md documents " + name).contains("`" + name + "`");
        }
    }
}
