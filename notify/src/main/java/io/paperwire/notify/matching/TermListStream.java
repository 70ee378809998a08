package io.paperwire.notify.matching;

import java.io.IOException;
import java.util.Iterator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * A token stream of given terms, in their order, one position apart, without offsets. In: the terms. Out: tokens
 * for a Lucene field, when only which terms a field has matters (Monitor's query-index documents, a paper's
 * presearch document).
 */
final class TermListStream extends TokenStream {
    private final BytesTermAttribute termAttribute = addAttribute(BytesTermAttribute.class);
    private final Iterable<BytesRef> terms;
    private Iterator<BytesRef> remaining;

    TermListStream(Iterable<BytesRef> terms) {
        this.terms = terms;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        remaining = terms.iterator();
    }

    @Override
    public boolean incrementToken() {
        if (!remaining.hasNext()) {
            return false;
        }
        clearAttributes();
        termAttribute.setBytesRef(remaining.next());
        return true;
    }
}
