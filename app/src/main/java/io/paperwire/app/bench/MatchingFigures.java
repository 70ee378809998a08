package io.paperwire.app.bench;

import java.time.Duration;

/**
 * Notify's matcher measured in process, on the enriched papers of the measured set.
 *
 * @param papers             papers matched
 * @param elapsed            wall-clock time of the matching
 * @param threadCpuNanos     CPU time of the matching threads, summed
 * @param subscriptions      subscriptions loaded
 * @param activeSubscriptions subscriptions not paused
 * @param storedQueries      distinct stored queries after deduplication
 * @param candidateQueries   stored queries the presearcher let through to be checked, over all papers
 * @param queryMatches       (stored query, paper) pairs that matched
 * @param matches            (subscription, paper) matches
 * @param subscriptionLoad   time to load the subscriptions into the matcher
 * @param threads            matching threads (as many as the notify service runs by default: one per core, up to 4)
 * @param warmUpPapers       papers matched in the untimed warm-up before the measured pass
 * @param warmUpElapsed      wall-clock time of the warm-up pass (its rate is the cold figure: JIT at work)
 */
public record MatchingFigures(long papers, Duration elapsed, long threadCpuNanos, long subscriptions,
                              long activeSubscriptions, long storedQueries, long candidateQueries, long queryMatches,
                              long matches, Duration subscriptionLoad, int threads, long warmUpPapers,
                              Duration warmUpElapsed) {

    /** Papers per second of the warm-up pass: the cold JVM's rate, compiling the matching code as it goes. */
    public double warmUpPapersPerSecond() {
        double seconds = warmUpElapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : warmUpPapers / seconds;
    }

    public double papersPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : papers / seconds;
    }

    /** Papers per second of the matching threads' CPU time: what one core would do undisturbed. */
    public double papersPerCpuSecond() {
        return threadCpuNanos <= 0 ? 0 : papers / (threadCpuNanos / 1e9);
    }

    public double matchesPerPaper() {
        return papers == 0 ? 0 : (double) matches / papers;
    }

    public double candidateQueriesPerPaper() {
        return papers == 0 ? 0 : (double) candidateQueries / papers;
    }

    /** Average share of the active subscriptions one paper matches. */
    public double matchedShareOfSubscriptions() {
        return papers == 0 || activeSubscriptions == 0 ? 0 : matchesPerPaper() / activeSubscriptions;
    }
}
