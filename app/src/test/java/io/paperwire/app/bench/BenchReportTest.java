package io.paperwire.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The report's arithmetic: ratios, percentiles, goals judged only under their conditions, checks, JSON without NaN. */
class BenchReportTest {

    private static final MachineInfo MACHINE = new MachineInfo(2, 8L << 30, "Linux", "17", "HotSpot", "4.3.1", "9.11.1");

    @Test
    void shouldJudgeEveryGoalAtTheGoalScaleFromTheFigures() {
        BenchReport report = report(100_000, 100, counts(1000, 1000, 100_000), 500, 2_100, 400, Duration.ofSeconds(1));
        List<Goal> goals = report.goals();

        assertThat(goals).extracting(Goal::name).containsExactly("ingest / raw producer",
                "enrich / pass-through Streams", "notify matching papers/s at 100k subscriptions",
                "p99 publish -> alert", "bench peak heap (MiB) at 100k subscriptions", "paperwire up idle heap");
        assertThat(goals.get(0).value()).isEqualTo(0.5);
        assertThat(goals.get(0).met()).isTrue();
        assertThat(goals.get(1).value()).isEqualTo(0.25);
        assertThat(goals.get(1).met()).isFalse();
        assertThat(goals.get(2).value()).isEqualTo(1000.0);
        assertThat(goals.get(2).met()).isFalse();
        assertThat(goals.get(3).value()).isEqualTo(400.0);
        assertThat(goals.get(3).met()).isTrue();
        assertThat(goals.get(4).value()).isEqualTo(1024.0);
        assertThat(goals.get(4).met()).isTrue();
        assertThat(goals.get(5).met()).isNull();
    }

    @Test
    void shouldLeaveGoalsUnjudgedBelowTheirScaleAndWriteUnknownsAsNull() {
        BenchReport report = report(1_000, 50, counts(1000, 1000, 1_000), 500, 2_100, Double.NaN, Duration.ofSeconds(1));

        assertThat(report.goals().get(2).met()).isNull();
        assertThat(report.goals().get(2).note()).contains("measured at 1000 subscriptions");
        assertThat(report.goals().get(3).met()).isNull();
        assertThat(report.goals().get(4).met()).isNull();
        JsonNode json = report.toJson();
        assertThat(json.path("latency").path("p99_ms").isNull()).isTrue();
        assertThat(json.path("goals").get(2).path("met").isNull()).isTrue();
        assertThat(json.toString()).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void shouldFlagCountsThatDoNotAddUp() {
        BenchReport fine = report(1_000, 100, counts(1000, 1000, 1_000), 500, 2_100, 400, Duration.ofSeconds(1));
        BenchReport lostOne = report(1_000, 100, counts(1000, 999, 1_000), 500, 2_100, 400, Duration.ofSeconds(1));

        assertThat(fine.consistent()).isTrue();
        assertThat(lostOne.consistent()).isFalse();
        assertThat(lostOne.checks()).containsEntry("enriched_equals_published", false)
                .containsEntry("matched_equals_enriched", false);
        assertThat(lostOne.table()).contains("INCONSISTENT: [enriched_equals_published, matched_equals_enriched]");
    }

    @Test
    void shouldTakePercentilesByNearestRank() {
        double[] latencies = new double[100];
        for (int i = 0; i < 100; i++) {
            latencies[i] = 100 - i;
        }
        LatencyFigures figures = LatencyFigures.of(100, 99.5, 120, latencies);
        assertThat(figures.p50Millis()).isEqualTo(50);
        assertThat(figures.p95Millis()).isEqualTo(95);
        assertThat(figures.p99Millis()).isEqualTo(99);
        assertThat(figures.maxMillis()).isEqualTo(100);
        assertThat(figures.alertedPapers()).isEqualTo(100);
        assertThat(LatencyFigures.of(100, 100, 5, new double[0]).p99Millis()).isNaN();
    }

    /** Every stage saw {@code papers}, except enrich, which wrote {@code enriched}. */
    private static BenchReport.Counts counts(long papers, long enriched, long subscriptions) {
        return new BenchReport.Counts(papers, papers, papers, papers, papers, papers, enriched, papers, subscriptions,
                subscriptions, 30, 30, 5, 5, 2, 7, 7, 3);
    }

    /** Ingest at {@code ingestRate} against a raw producer of 2 × that; enrich at a quarter of the pass-through. */
    private static BenchReport report(int subscriptions, double rate, BenchReport.Counts counts, double ingestRate,
                                      double passThroughRate, double p99, Duration matchingTime) {
        BenchSettings settings = new BenchSettings(1000, 5, subscriptions, rate, Duration.ofSeconds(1),
                Optional.empty(), 1, BenchSettings.DEFAULT_WARM_UP_LIMIT);
        Throughput rawProducer = perSecond(2 * ingestRate);
        Throughput passThrough = perSecond(passThroughRate);
        MatchingFigures matching = new MatchingFigures(1000, matchingTime, 500_000_000L, subscriptions,
                subscriptions, subscriptions / 2, 20_000, 3_000, 5_000, Duration.ofSeconds(2), 2, 1000,
                Duration.ofSeconds(1));
        LatencyFigures latency = new LatencyFigures(rate, rate, 7, 3, p99 / 2, p99, p99, p99);
        BenchReport.Memory memory = new BenchReport.Memory(3L << 30, 1L << 30, 4L << 30, OptionalLong.of(1L << 31),
                OptionalLong.empty());
        return new BenchReport(settings, "embedded broker", "test", MACHINE, Instant.EPOCH, Duration.ofMinutes(1),
                counts, rawProducer, perSecond(10_000), passThrough, perSecond(ingestRate),
                perSecond(passThroughRate / 4), new WarmUp(3000, Duration.ofSeconds(6), true), matching, perSecond(100), Duration.ofSeconds(3), perSecond(90),
                latency, memory);
    }

    /** 1,000 papers at the given rate. */
    private static Throughput perSecond(double papersPerSecond) {
        return new Throughput(1000, 1_500_000, Duration.ofNanos((long) (1000 / papersPerSecond * 1e9)), -1);
    }
}
