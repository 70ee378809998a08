/**
 * Trending scores from engagement signals: a library the enrich topology calls, with no Kafka in it.
 *
 * <p>{@link io.paperwire.enrich.trending.TrendingScorer} takes observations of running totals (upvotes, comments,
 * stars, views of a paper, as {@code papers.signals} carries them), turns them into deltas, and scores each paper
 * over a sliding 24-hour and 7-day window with exponential time decay, on a {@link java.time.Clock} the caller
 * controls. {@link io.paperwire.enrich.trending.PaperTrend} maps onto the Avro {@code TrendingScore} of the
 * {@code papers.trending} table. The formula is in {@code docs/tags.md} and on {@code TrendingScorer}.
 */
package io.paperwire.enrich.trending;
