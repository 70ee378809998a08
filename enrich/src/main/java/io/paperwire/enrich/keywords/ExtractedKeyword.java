package io.paperwire.enrich.keywords;

import java.util.Objects;

/**
 * One keyphrase of a paper.
 *
 * @param phrase surface form as written in the title or abstract (an acronym's expansion, not the acronym)
 * @param normalized normalised form for matching: each word lower-cased and Porter-stemmed, single spaces
 *     (see {@link PhraseAnalyzer#normalize(String)})
 * @param score relevance, higher is better; comparable only within one paper and one extractor version
 */
public record ExtractedKeyword(String phrase, String normalized, double score) {

    public ExtractedKeyword {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(normalized, "normalized");
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be a number");
        }
    }
}
