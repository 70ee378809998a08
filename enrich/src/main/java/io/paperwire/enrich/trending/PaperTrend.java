package io.paperwire.enrich.trending;

import io.paperwire.schemas.TrendingScore;
import java.time.Instant;

/**
 * A paper's trending score over one window, as {@link TrendingScorer} computes it.
 *
 * @param paperKey  the paper
 * @param window    the window
 * @param score     time-decayed weighted sum of the deltas in the window; 0 when nothing happened in it
 * @param upvotes   upvotes gained in the window (not decayed)
 * @param comments  comments gained in the window
 * @param stars     stars gained in the window
 * @param views     views gained in the window (not in the Avro record, which has no field for them)
 * @param updatedAt time of the newest delta counted, or of the newest observation when none is in the window
 */
public record PaperTrend(String paperKey, TrendingWindow window, double score, long upvotes, long comments,
                         long stars, long views, Instant updatedAt) {

    /** The value of the {@code papers.trending} table. */
    public TrendingScore toAvro() {
        return TrendingScore.newBuilder()
                .setPaperKey(paperKey)
                .setScore(score)
                .setUpvotes(upvotes)
                .setComments(comments)
                .setStars(stars)
                .setWindow(window.isoName())
                .setUpdatedAt(updatedAt)
                .build();
    }
}
