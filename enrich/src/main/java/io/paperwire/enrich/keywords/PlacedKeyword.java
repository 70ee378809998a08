package io.paperwire.enrich.keywords;

import java.util.Objects;

/**
 * A keyphrase and the place of the paper's text its surface form was cut from, so that a later step (the topic
 * tagger) can read the keyphrase's words from the paper's {@link AnalyzedText} instead of analysing the phrase
 * again. The surface form is the text of that place with whitespace runs collapsed to one space.
 *
 * @param keyword the keyphrase as returned to readers
 * @param inTitle whether the place is in the title (else in the abstract)
 * @param start   where the place starts in that field's text
 * @param end     where it ends (exclusive)
 */
public record PlacedKeyword(ExtractedKeyword keyword, boolean inTitle, int start, int end) {

    public PlacedKeyword {
        Objects.requireNonNull(keyword, "keyword");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a place in a text: [" + start + ", " + end + ")");
        }
    }
}
