package io.paperwire.enrich.keywords;

/**
 * One word of a text as Lucene's analysis saw it.
 *
 * @param surface the word exactly as written (from the token's offsets into the original text)
 * @param lowerCase the word lower-cased, ASCII-folded, possessive removed; used for stop-word and suffix checks
 * @param stem the Porter stem of {@code lowerCase}
 * @param numeric true for a token of digits (Lucene's {@code <NUM>} type)
 * @param start offset of the first character in the original text
 * @param end offset after the last character in the original text
 * @param joinedToPrevious true when only a hyphen separates this word from the previous one ("mixture-of-experts")
 * @param boundaryBefore true when punctuation, markup or a line of LaTeX separates this word from the previous one,
 *     so no phrase may span the two
 */
public record WordToken(String surface, String lowerCase, String stem, boolean numeric, int start, int end,
                        boolean joinedToPrevious, boolean boundaryBefore) {
}
