package io.paperwire.enrich.trending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.SignalKind;
import io.paperwire.schemas.TrendingScore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingScorerTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = T0;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed");
        }
    }

    private final HandClock clock = new HandClock();
    private final TrendingScorer scorer = new TrendingScorer(clock);

    private static SignalObservation signal(String paper, SignalKind kind, long total, Duration after) {
        return new SignalObservation(paper, kind, total, T0.plus(after), "hf-daily");
    }

    @Test
    void shouldTurnTotalsIntoDeltasAndDecayThemPerWindow() {
        assertThat(scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 10, Duration.ZERO))).isEqualTo(10);
        clock.set(T0.plusSeconds(6 * 3600));
        assertThat(scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 30, Duration.ofHours(6)))).isEqualTo(20);
        assertThat(scorer.observe(signal("arxiv:a", SignalKind.COMMENT, 2, Duration.ofHours(6)))).isEqualTo(2);
        clock.set(T0.plus(Duration.ofHours(12)));

        PaperTrend day = scorer.trend("arxiv:a", TrendingWindow.DAY).orElseThrow();
        // half-life 6 h: 10 × 2^-2 + 20 × 2^-1 + (3 × 2 comments) × 2^-1 = 2.5 + 10 + 3
        assertThat(day.score()).isCloseTo(15.5, within(1e-9));
        assertThat(day.upvotes()).isEqualTo(30);
        assertThat(day.comments()).isEqualTo(2);
        assertThat(day.stars()).isZero();
        assertThat(day.updatedAt()).isEqualTo(T0.plus(Duration.ofHours(6)));

        PaperTrend week = scorer.trend("arxiv:a", TrendingWindow.WEEK).orElseThrow();
        // half-life 48 h: 10 × 2^-0.25 + 20 × 2^-0.125 + 6 × 2^-0.125
        assertThat(week.score()).isCloseTo(32.2510692758586, within(1e-9));
    }

    @Test
    void shouldDropDeltasAtTheWindowEdge() {
        scorer.observe(signal("arxiv:a", SignalKind.STAR, 4, Duration.ZERO));
        clock.set(T0.plus(Duration.ofHours(24)));

        PaperTrend day = scorer.trend("arxiv:a", TrendingWindow.DAY).orElseThrow();
        assertThat(day.score()).isZero();
        assertThat(day.stars()).isZero();
        assertThat(day.updatedAt()).isEqualTo(T0);
        // 24 h at half-life 48 h: 4 × 2^-0.5
        assertThat(scorer.trend("arxiv:a", TrendingWindow.WEEK).orElseThrow().score())
                .isCloseTo(4 * Math.pow(2, -0.5), within(1e-9));
        assertThat(scorer.trend("arxiv:a", TrendingWindow.WEEK).orElseThrow().stars()).isEqualTo(4);
    }

    @Test
    void shouldIgnoreStaleTotalsAndRebaseWhenATotalGoesDown() {
        clock.set(T0.plus(Duration.ofHours(3)));
        scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 30, Duration.ofHours(2)));
        assertThat(scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 50, Duration.ofHours(1)))).isZero();
        assertThat(scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 25, Duration.ofHours(2)))).isZero();
        assertThat(scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 28, Duration.ofHours(3)))).isEqualTo(3);
        assertThat(scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 28, Duration.ofHours(3)))).isZero();

        assertThat(scorer.trend("arxiv:a", TrendingWindow.DAY).orElseThrow().upvotes()).isEqualTo(33);
    }

    @Test
    void shouldTrackEachSourcesTotalApart() {
        scorer.observe(new SignalObservation("arxiv:a", SignalKind.STAR, 5, T0, "github"));
        assertThat(scorer.observe(new SignalObservation("arxiv:a", SignalKind.STAR, 2, T0, "gitlab"))).isEqualTo(2);
        assertThat(scorer.trend("arxiv:a", TrendingWindow.DAY).orElseThrow().stars()).isEqualTo(7);
    }

    @Test
    void shouldCountAProducersFutureTimestampAsFresh() {
        scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 8, Duration.ofMinutes(5)));
        PaperTrend day = scorer.trend("arxiv:a", TrendingWindow.DAY).orElseThrow();
        assertThat(day.score()).isCloseTo(8.0, within(1e-9));
        assertThat(day.updatedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void shouldForgetDeltasOlderThanTheLongestWindowButNotDoubleCountLaterTotals() {
        scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 10, Duration.ZERO));
        clock.set(T0.plus(Duration.ofDays(8)));
        assertThat(scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 12, Duration.ofDays(8)))).isEqualTo(2);

        PaperTrend week = scorer.trend("arxiv:a", TrendingWindow.WEEK).orElseThrow();
        assertThat(week.upvotes()).isEqualTo(2);
        assertThat(week.score()).isCloseTo(2.0, within(1e-9));
        assertThat(scorer.trend("arxiv:unknown", TrendingWindow.WEEK)).isEmpty();
    }

    @Test
    void shouldRankTheTopPapersOfAWindow() {
        clock.set(T0.plus(Duration.ofHours(1)));
        scorer.observe(signal("arxiv:a", SignalKind.UPVOTE, 5, Duration.ofHours(1)));
        scorer.observe(signal("arxiv:b", SignalKind.COMMENT, 4, Duration.ofHours(1)));
        scorer.observe(signal("arxiv:c", SignalKind.UPVOTE, 5, Duration.ofHours(1)));
        scorer.observe(signal("arxiv:d", SignalKind.UPVOTE, 0, Duration.ofHours(1)));

        assertThat(scorer.top(TrendingWindow.DAY, 2)).extracting(PaperTrend::paperKey)
                .containsExactly("arxiv:b", "arxiv:a");
        assertThat(scorer.top(TrendingWindow.DAY, 10)).extracting(PaperTrend::paperKey)
                .containsExactly("arxiv:b", "arxiv:a", "arxiv:c");
    }

    @Test
    void shouldUseTheGivenWeightsAndRefuseBadOnes() {
        TrendingScorer viewsOnly = new TrendingScorer(clock, Map.of(SignalKind.VIEW, 2.0));
        viewsOnly.observe(signal("arxiv:a", SignalKind.VIEW, 100, Duration.ZERO));
        viewsOnly.observe(signal("arxiv:a", SignalKind.UPVOTE, 100, Duration.ZERO));
        PaperTrend day = viewsOnly.trend("arxiv:a", TrendingWindow.DAY).orElseThrow();
        assertThat(day.score()).isCloseTo(200.0, within(1e-9));
        assertThat(day.views()).isEqualTo(100);

        assertThatThrownBy(() -> new TrendingScorer(clock, Map.of(SignalKind.STAR, -1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("STAR");
        assertThatThrownBy(() -> signal("arxiv:a", SignalKind.UPVOTE, -1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be negative");
    }

    @Test
    void shouldMapToTheAvroRecordsBothWays() {
        EngagementSignal avro = EngagementSignal.newBuilder().setPaperKey("arxiv:2410.18057")
                .setKind(SignalKind.UPVOTE).setCount(64).setObservedAt(T0).setSource("hf-daily").build();
        scorer.observe(SignalObservation.from(avro));

        TrendingScore score = scorer.trend("arxiv:2410.18057", TrendingWindow.WEEK).orElseThrow().toAvro();

        assertThat(score.getPaperKey()).isEqualTo("arxiv:2410.18057");
        assertThat(score.getWindow()).isEqualTo("P7D");
        assertThat(score.getScore()).isCloseTo(64.0, within(1e-9));
        assertThat(score.getUpvotes()).isEqualTo(64);
        assertThat(score.getUpdatedAt()).isEqualTo(T0);
        assertThat(TrendingWindow.DAY.isoName()).isEqualTo("P1D");
    }
}
