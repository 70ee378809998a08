package io.paperwire.enrich;

import java.util.List;
import java.util.Objects;

/**
 * What the enricher reads of a paper, whether it came from {@code papers.published} or from a line of a file.
 *
 * @param id           the paper's key or id, used to count a paper once in the corpus statistics
 * @param title        title as written (LaTeX allowed)
 * @param abstractText abstract as written (LaTeX allowed)
 * @param categories   arXiv category codes, primary first; empty when the source gave none
 */
public record PaperText(String id, String title, String abstractText, List<String> categories) {

    public PaperText {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** Whether the source gave at least one category. */
    public boolean hasCategories() {
        return !categories.isEmpty();
    }
}
