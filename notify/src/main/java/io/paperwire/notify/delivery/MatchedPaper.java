package io.paperwire.notify.delivery;

import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import java.util.Objects;

/**
 * An alert together with the enriched paper it is about: what an instant mail, a digest, a webhook or a feed entry
 * shows (the alert says why, the paper says what).
 *
 * @param alert the alert, from the {@code alerts} topic
 * @param paper the enriched paper of {@code alert.paperKey}
 */
public record MatchedPaper(Alert alert, EnrichedPaper paper) {

    public MatchedPaper {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(paper, "paper");
        if (!alert.getPaperKey().equals(paper.getPaper().getKey())) {
            throw new IllegalArgumentException("alert " + alert.getAlertId() + " is about paper "
                    + alert.getPaperKey() + ", not " + paper.getPaper().getKey());
        }
    }
}
