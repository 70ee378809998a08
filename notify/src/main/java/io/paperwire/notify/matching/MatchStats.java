package io.paperwire.notify.matching;

/**
 * Counters of a {@link PaperMatcher} since it was created.
 *
 * @param papers           papers matched
 * @param candidateQueries stored queries Monitor ran (once per batch of papers, not once per paper)
 * @param queryMatches     (distinct stored query, paper) pairs that matched, before fan-out to subscriptions
 * @param matches          (subscription, paper) matches returned
 * @param analysisNanos    time spent analysing papers
 * @param monitorNanos     time spent in Lucene Monitor (presearch and running candidate queries)
 * @param fanOutNanos      time spent fanning out to subscriptions, explaining, similarity and trending checks
 */
public record MatchStats(long papers, long candidateQueries, long queryMatches, long matches, long analysisNanos,
                         long monitorNanos, long fanOutNanos) {
}
