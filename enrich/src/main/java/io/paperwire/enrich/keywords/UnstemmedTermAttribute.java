package io.paperwire.enrich.keywords;

import org.apache.lucene.util.Attribute;

/**
 * A token's term as it was before stemming (lower-cased and ASCII-folded in {@link PhraseAnalyzer}'s chain), so
 * one pass yields both forms. Public only because Lucene's attribute factory instantiates
 * {@link UnstemmedTermAttributeImpl} by reflection.
 */
public interface UnstemmedTermAttribute extends Attribute {

    /** Sets the unstemmed term to {@code buffer[0, length)}. */
    void setUnstemmed(char[] buffer, int length);

    /** The unstemmed term of the current token. */
    String unstemmed();
}
