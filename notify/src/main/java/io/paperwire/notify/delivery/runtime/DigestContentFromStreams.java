package io.paperwire.notify.delivery.runtime;

import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.TrendingPaper;
import io.paperwire.notify.delivery.digest.DigestContentSource;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.TrendingScore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The digest's content as the delivery runtime sees it: the matches of each subscription it handled (the newest
 * {@code matchesPerSubscription}, by the alert's {@code matchedAt}), and the latest score of every paper of
 * {@code papers.trending}, joined with {@link RecentPapers} (a trending paper whose enriched record is not known is
 * left out). Thread-safe.
 */
public final class DigestContentFromStreams implements DigestContentSource {

    private final RecentPapers papers;
    private final int matchesPerSubscription;
    private final Map<String, Deque<MatchedPaper>> matches = new HashMap<>();
    private final Map<String, TrendingScore> trending = new HashMap<>();

    public DigestContentFromStreams(RecentPapers papers, int matchesPerSubscription) {
        this.papers = Objects.requireNonNull(papers, "papers");
        if (matchesPerSubscription < 1) {
            throw new IllegalArgumentException("matchesPerSubscription must be at least 1");
        }
        this.matchesPerSubscription = matchesPerSubscription;
    }

    /** Remembers a match for the next digest of its subscription; the same alert twice is kept once. */
    public synchronized void addMatch(MatchedPaper match) {
        Deque<MatchedPaper> list = matches.computeIfAbsent(match.alert().getSubscriptionId(), k -> new ArrayDeque<>());
        String alertId = match.alert().getAlertId();
        if (list.stream().anyMatch(m -> m.alert().getAlertId().equals(alertId))) {
            return;
        }
        list.addLast(match);
        while (list.size() > matchesPerSubscription) {
            list.removeFirst();
        }
    }

    /** Matches held for the subscriptions' next digests (at most {@code matchesPerSubscription} each). */
    public synchronized int matchesHeld() {
        return matches.values().stream().mapToInt(Deque::size).sum();
    }

    /** Keeps the latest score of {@code paperKey}; null (a tombstone) forgets it. */
    public synchronized void putTrending(String paperKey, TrendingScore score) {
        if (score == null) {
            trending.remove(paperKey);
        } else {
            trending.put(paperKey, score);
        }
    }

    @Override
    public synchronized List<MatchedPaper> matches(Subscription subscription, Instant from, Instant to) {
        Deque<MatchedPaper> list = matches.get(subscription.getId());
        if (list == null) {
            return List.of();
        }
        return list.stream()
                .filter(m -> !m.alert().getMatchedAt().isBefore(from) && m.alert().getMatchedAt().isBefore(to))
                .sorted(Comparator.comparing((MatchedPaper m) -> m.alert().getMatchedAt()))
                .toList();
    }

    @Override
    public synchronized List<TrendingPaper> trending(Instant at, int limit) {
        return trending.values().stream()
                .filter(s -> !s.getUpdatedAt().isAfter(at))
                .sorted(Comparator.comparingDouble(TrendingScore::getScore).reversed()
                        .thenComparing(TrendingScore::getPaperKey))
                .map(s -> papers.get(s.getPaperKey()).map(p -> new TrendingPaper(p, s.getScore())))
                .flatMap(Optional::stream)
                .limit(limit)
                .toList();
    }
}
