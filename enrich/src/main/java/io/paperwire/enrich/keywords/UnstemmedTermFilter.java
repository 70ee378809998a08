package io.paperwire.enrich.keywords;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Copies each token's term into its {@link UnstemmedTermAttribute} before a stemmer further down the chain
 * changes the term. Input and output: the same tokens, unchanged. Does what a {@code KeywordRepeatFilter} did
 * here (every token twice, once marked keyword so the stemmer leaves it), without capturing and restoring each
 * token's whole attribute state.
 */
final class UnstemmedTermFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final UnstemmedTermAttribute unstemmed = addAttribute(UnstemmedTermAttribute.class);

    UnstemmedTermFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        unstemmed.setUnstemmed(term.buffer(), term.length());
        return true;
    }
}
