package io.paperwire.notify.delivery;

import io.paperwire.schemas.EnrichedPaper;
import java.util.Objects;

/**
 * A paper among the day's most trending, with its score from {@code papers.trending}: the "trending today" part of
 * a digest.
 *
 * @param paper the enriched paper
 * @param score its trending score (higher is hotter)
 */
public record TrendingPaper(EnrichedPaper paper, double score) {

    public TrendingPaper {
        Objects.requireNonNull(paper, "paper");
    }
}
