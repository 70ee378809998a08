package io.paperwire.notify.matching;

import io.paperwire.schemas.EnrichedPaper;
import java.util.List;

/**
 * The subscriptions one paper matched, in the order {@link PaperMatcher} found them.
 *
 * @param paper   the paper
 * @param matches its matches, possibly empty
 */
public record PaperMatches(EnrichedPaper paper, List<SubscriptionMatch> matches) {

    public PaperMatches {
        matches = List.copyOf(matches);
    }
}
