package io.paperwire.notify.delivery.digest;

import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.TrendingPaper;
import io.paperwire.schemas.Subscription;
import java.time.Instant;
import java.util.List;

/**
 * What goes into a digest. The notify service answers from its views of the {@code alerts} topic (matches) and the
 * {@code papers.trending} table; tests answer from lists.
 */
public interface DigestContentSource {

    /** The subscription's alerts matched in {@code [from, to)}, in the order the digest shows them. */
    List<MatchedPaper> matches(Subscription subscription, Instant from, Instant to);

    /** The most trending papers as of {@code at}, hottest first, at most {@code limit}. */
    List<TrendingPaper> trending(Instant at, int limit);
}
