package io.paperwire.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a replay is told to do, checked before anything moves: an offset file is read whole or refused with its file
 * and line, and a state reset is refused for any target but the earliest offsets (no cluster is contacted for that).
 */
class ResetTargetTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadAnOffsetFileSkippingCommentsAndBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("offsets.csv"), """
                # moved back after the 2026-11-01 incident
                papers.enriched,0,42

                papers.enriched, 2 , 7
                """);
        assertThat(ResetTarget.Offsets.fromFile(file).offsets()).isEqualTo(Map.of(
                new TopicPartition("papers.enriched", 0), 42L, new TopicPartition("papers.enriched", 2), 7L));
    }

    @Test
    void shouldRefuseAMalformedOffsetFileNamingTheLine() throws IOException {
        Path twoFields = Files.writeString(dir.resolve("two.csv"), "papers.enriched,0,1\npapers.enriched,3\n");
        assertThatThrownBy(() -> ResetTarget.Offsets.fromFile(twoFields))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two.csv line 2")
                .hasMessageContaining("topic,partition,offset");
        Path notNumbers = Files.writeString(dir.resolve("words.csv"), "papers.enriched,zero,1\n");
        assertThatThrownBy(() -> ResetTarget.Offsets.fromFile(notNumbers))
                .hasMessageContaining("words.csv line 1").hasMessageContaining("must be numbers");
        Path negative = Files.writeString(dir.resolve("negative.csv"), "papers.enriched,0,-5\n");
        assertThatThrownBy(() -> ResetTarget.Offsets.fromFile(negative)).hasMessageContaining("must not be negative");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "# nothing\n");
        assertThatThrownBy(() -> ResetTarget.Offsets.fromFile(empty)).hasMessageContaining("no offsets");
    }

    @Test
    void shouldRefuseAStateResetForAnyTargetButTheEarliestOffsets() {
        // Refused before any request: the admin client points nowhere and is never used.
        try (Admin nowhere = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"))) {
            StreamsAppReset reset = new StreamsAppReset(nowhere, "paperwire-enrich",
                    List.of("papers.published"), Duration.ofSeconds(1));
            assertThatThrownBy(() -> reset.plan(new ResetTarget.FromTime(Instant.parse("2026-11-01T00:00:00Z")), true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs a replay from the earliest offsets");
            assertThatThrownBy(() -> reset.plan(new ResetTarget.Offsets(
                    Map.of(new TopicPartition("papers.published", 0), 3L)), true))
                    .hasMessageContaining("needs a replay from the earliest offsets");
        }
    }
}
