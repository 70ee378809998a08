package io.paperwire.enrich.tags;

import java.util.List;
import java.util.Objects;

/**
 * A paper with the categories its source gave it, as read by {@link SubjectEvaluation}.
 *
 * @param id         the paper id as written in the file
 * @param title      title text
 * @param abstractText abstract text
 * @param categories category codes, primary first
 */
public record LabelledPaper(String id, String title, String abstractText, List<String> categories) {

    public LabelledPaper {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(abstractText, "abstractText");
        categories = List.copyOf(categories);
    }
}
