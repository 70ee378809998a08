package io.paperwire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paperwire.ingest.source.PaperSource;
import io.paperwire.ingest.source.SourceBatch;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class IngestScheduleTest {

    @Test
    void shouldRunEachEntryAgainAndAgainOnOneThreadAndSurviveAFailedRun() {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<IngestSummary> summaries = new CopyOnWriteArrayList<>();
        PaperSource hf = new PaperSource() {
            @Override
            public String id() {
                return "hf-daily";
            }

            @Override
            public SourceBatch poll(Map<String, String> checkpoint) {
                return SourceBatch.empty(id(), checkpoint, true);
            }
        };
        IngestSchedule.Entry entry = new IngestSchedule.Entry("hf hourly", () -> hf,
                new IngestSchedule.Cadence.Every(Duration.ofMillis(20)));
        try (IngestSchedule schedule = new IngestSchedule(List.of(entry), sources -> {
            ran.add(Thread.currentThread().getName());
            if (ran.size() == 1) {
                throw new IllegalStateException("first run fails");
            }
            return new IngestSummary(Map.of(), Duration.ZERO, false, Optional.empty());
        }, summaries::add, Clock.systemUTC(), Executors.newSingleThreadScheduledExecutor())) {
            schedule.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> summaries.size() >= 2);
        }
        assertThat(ran.stream().distinct()).hasSize(1);
    }
}
