package io.paperwire.enrich.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.enrich.trending.PaperTrend;
import io.paperwire.enrich.trending.SignalObservation;
import io.paperwire.enrich.trending.TrendingScorer;
import io.paperwire.enrich.trending.TrendingWindow;
import io.paperwire.schemas.SignalKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalHistoryTest {

    private static final Instant NOW = Instant.parse("2024-11-28T12:00:00Z");
    private static final String PAPER = "arxiv:2410.18057";

    @Test
    void shouldScoreLikeAScorerThatSawEveryObservationAfterPruningOldOnes() {
        List<SignalObservation> observations = List.of(
                new SignalObservation(PAPER, SignalKind.UPVOTE, 40, NOW.minus(Duration.ofDays(12)), "hf-daily"),
                new SignalObservation(PAPER, SignalKind.UPVOTE, 55, NOW.minus(Duration.ofDays(9)), "hf-daily"),
                new SignalObservation(PAPER, SignalKind.COMMENT, 3, NOW.minus(Duration.ofDays(8)), "hf-daily"),
                new SignalObservation(PAPER, SignalKind.UPVOTE, 70, NOW.minus(Duration.ofDays(2)), "hf-daily"),
                new SignalObservation(PAPER, SignalKind.COMMENT, 5, NOW.minus(Duration.ofHours(3)), "hf-daily"),
                new SignalObservation(PAPER, SignalKind.UPVOTE, 71, NOW.minus(Duration.ofHours(1)), "hf-daily"));
        TrendingScorer everything = new TrendingScorer(Clock.fixed(NOW, ZoneOffset.UTC));
        SignalHistory history = SignalHistory.empty();
        for (SignalObservation observation : observations) {
            everything.observe(observation);
            history = history.with(observation);
        }

        SignalHistory pruned = history.pruned(NOW);

        assertThat(pruned.observations()).hasSize(5).doesNotContain(observations.get(0));
        for (TrendingWindow window : TrendingWindow.values()) {
            PaperTrend expected = everything.trend(PAPER, window).orElseThrow();
            assertThat(pruned.trend(PAPER, window, NOW)).contains(expected);
        }
        SignalHistory roundTrip = SignalHistorySerde.read(SignalHistorySerde.write(pruned.withPublished(true)));
        assertThat(roundTrip).isEqualTo(pruned.withPublished(true));
    }

    @Test
    void shouldCallAnObservationOlderThanTheLastOfItsSeriesStale() {
        SignalHistory history = SignalHistory.empty()
                .with(new SignalObservation(PAPER, SignalKind.STAR, 10, NOW, "github"));

        assertThat(history.isStale(new SignalObservation(PAPER, SignalKind.STAR, 9, NOW.minusSeconds(1), "github")))
                .isTrue();
        assertThat(history.isStale(new SignalObservation(PAPER, SignalKind.STAR, 9, NOW.minusSeconds(1), "hf")))
                .isFalse();
    }
}
