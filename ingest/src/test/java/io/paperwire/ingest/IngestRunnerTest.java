package io.paperwire.ingest;

import static io.paperwire.ingest.support.Papers.paper;
import static io.paperwire.ingest.support.Papers.sighting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.ingest.checkpoint.CheckpointStore;
import io.paperwire.ingest.dedup.IdentityRule;
import io.paperwire.ingest.dedup.PaperLedger;
import io.paperwire.ingest.parse.ParseResult;
import io.paperwire.ingest.publish.DryRunSink;
import io.paperwire.ingest.publish.OutgoingBatch;
import io.paperwire.ingest.publish.PublishException;
import io.paperwire.ingest.source.PaperSource;
import io.paperwire.ingest.source.SourceBatch;
import io.paperwire.ingest.source.SourceException;
import io.paperwire.ingest.support.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestRunnerTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final List<OutgoingBatch> written = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    private final IngestListener listener = new IngestListener() {
        @Override
        public void progress(SourceCounts total) {
            events.add("progress read=" + total.read());
        }

        @Override
        public void sourceError(String sourceId, String message, boolean givenUp) {
            events.add(sourceId + (givenUp ? " given up" : " retry"));
        }
    };

    private IngestRunner runner(io.paperwire.ingest.publish.BatchSink sink) {
        return new IngestRunner(sink, new PaperLedger(), new CheckpointStore(), IdentityRule.defaults(),
                new IngestRunner.Settings(3, Duration.ofSeconds(30), Duration.ofSeconds(10), 1024), clock,
                clock.sleeper(), listener);
    }

    /** Pages of two papers each, {@code pages} in all; checkpoint {@code page}. */
    private PaperSource paged(String id, int pages) {
        return new PaperSource() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public SourceBatch poll(Map<String, String> checkpoint) {
                int page = Integer.parseInt(checkpoint.getOrDefault("page", "0"));
                clock.advance(Duration.ofSeconds(4));
                List<ParseResult> results = List.of(
                        sighting(paper(String.format("2611.%03d%02d", page, 1), 1, "arxiv-api", List.of("cs.LG"))),
                        sighting(paper(String.format("2611.%03d%02d", page, 2), 1, "arxiv-api", List.of("cs.LG"))),
                        new ParseResult.ParseError(id, "entry " + page, "missing title", new byte[2048]));
                return new SourceBatch(id, results, Map.of("page", Integer.toString(page + 1)), page + 1 >= pages);
            }
        };
    }

    private static PaperSource failing(String id, boolean retryable) {
        return new PaperSource() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public SourceBatch poll(Map<String, String> checkpoint) throws SourceException {
                throw new SourceException(id + ": server keeps refusing", retryable);
            }
        };
    }

    @Test
    void shouldReportAFailingSourceAndGoOnWithTheOthers() {
        IngestSummary summary = runner(written::add).run(List.of(failing("broken", true), paged("good", 3)));

        assertThat(summary.bySource().get("good").published()).isEqualTo(6);
        assertThat(summary.bySource().get("good").deadLettered()).isEqualTo(3);
        assertThat(summary.bySource().get("broken").errors()).isEqualTo(3);
        assertThat(summary.bySource().get("broken").failure()).get().asString().contains("keeps refusing");
        assertThat(summary.succeeded()).isFalse();
        assertThat(events).containsSubsequence("broken retry", "broken retry", "broken given up");
        assertThat(written).hasSize(3);
        assertThat(written.get(2).checkpoint().getPosition()).containsEntry("page", "3");
        assertThat(written.get(0).deadLetters().get(0).getValue().remaining()).isEqualTo(1024);
    }

    @Test
    void shouldGiveUpANonRetryableFailureAtOnce() {
        IngestSummary summary = runner(written::add).run(List.of(failing("bad-query", false)));
        assertThat(summary.bySource().get("bad-query").errors()).isEqualTo(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void shouldReportProgressOnLongRuns() {
        runner(written::add).run(List.of(paged("long", 6)));
        assertThat(events).filteredOn(e -> e.startsWith("progress")).hasSizeBetween(2, 3);
    }

    @Test
    void shouldEndTheRunWhenABatchCannotBePublishedAndKeepNothingOfIt() {
        IngestSummary summary = runner(batch -> {
            throw new PublishException("broker unreachable", false, null);
        }).run(List.of(paged("good", 3)));
        assertThat(summary.fatalError()).contains("broker unreachable");
        assertThat(summary.bySource().get("good").published()).isZero();
    }

    @Test
    void shouldStopBeforeTheNextBatchWhenAsked() {
        IngestRunner runner = runner(written::add);
        runner.requestStop();
        IngestSummary summary = runner.run(List.of(paged("good", 3)));
        assertThat(summary.stopped()).isTrue();
        assertThat(written).isEmpty();
    }

    @Test
    void shouldPrintParsedEventsAsJsonLinesInADryRun() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        runner(new DryRunSink(out, DryRunSink.IngestTopicNames.defaults())).run(List.of(paged("dry", 1)));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.get("topic").asText()).isEqualTo("papers.published");
        assertThat(first.get("key").asText()).isEqualTo("arxiv:2611.00001");
        assertThat(first.get("value").get("kind").asText()).isEqualTo("NEW_PAPER");
        assertThat(first.get("value").get("ingestedAt").asText()).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(first.get("value").get("authors").get(0).get("name").asText()).isEqualTo("Ada Example");
        JsonNode letter = json.readTree(lines.get(2));
        assertThat(letter.get("topic").asText()).isEqualTo("deadletters");
        assertThat(letter.get("value").get("position").asText()).isEqualTo("entry 0");
    }

    @Test
    void shouldScheduleTheFeedAfterTheEveningAnnouncementAndOthersByInterval() {
        IngestSchedule.Cadence daily = new IngestSchedule.Cadence.Daily(LocalTime.of(20, 30),
                ZoneId.of("America/New_York"));
        assertThat(daily.nextAfter(Instant.parse("2026-11-27T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-28T01:30:00Z"));
        assertThat(daily.nextAfter(Instant.parse("2026-11-28T01:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-29T01:30:00Z"));
        assertThat(new IngestSchedule.Cadence.Every(Duration.ofHours(1)).nextAfter(Instant.parse("2026-11-27T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
        IngestSchedule.Cadence polling = new IngestSchedule.Cadence.Polling(Duration.ofMinutes(1));
        assertThat(polling.firstRun(Instant.parse("2026-11-27T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(polling.nextAfter(Instant.parse("2026-11-27T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-27T10:01:00Z"));
        assertThat(daily.firstRun(Instant.parse("2026-11-27T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-11-28T01:30:00Z"));
    }
}
