package io.paperwire.notify.matching;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;

/**
 * Lets Monitor's presearcher filter prefix and wildcard queries ({@code categories:physics.*},
 * {@code title:supercond*}) instead of treating them as "may match anything", which would make every such query a
 * candidate for every paper.
 *
 * <p>Query side: a prefix (or the literal characters before a wildcard) is indexed as the term
 * {@code prefix + MARKER}. Document side: every term of the paper also yields its prefixes of
 * {@value #MIN_PREFIX}..{@value #MAX_PREFIX} characters, each with the marker, so a paper is a candidate exactly
 * when one of its terms starts with the prefix. Prefixes longer than {@value #MAX_PREFIX} characters are cut to
 * that length: the presearcher may then let a few extra candidates through, never lose one.
 */
final class PrefixTermHandler implements CustomQueryHandler {

    static final int MIN_PREFIX = 2;
    static final int MAX_PREFIX = 10;
    private static final char MARKER = '\u0001';

    @Override
    public QueryTree handleQuery(Query query, TermWeightor weightor) {
        String field;
        String prefix;
        if (query instanceof PrefixQuery prefixQuery) {
            field = prefixQuery.getField();
            prefix = prefixQuery.getPrefix().text();
        } else if (query instanceof WildcardQuery wildcardQuery) {
            field = wildcardQuery.getField();
            prefix = literalPrefix(wildcardQuery.getTerm().text());
        } else {
            return null;
        }
        if (prefix.length() < MIN_PREFIX) {
            return null;
        }
        String indexed = prefix.substring(0, Math.min(prefix.length(), MAX_PREFIX)) + MARKER;
        return QueryTree.term(new Term(field, indexed), weightor);
    }

    @Override
    public TokenStream wrapTermStream(String field, TokenStream in) {
        return new PrefixExpandingFilter(in);
    }

    private static String literalPrefix(String pattern) {
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                break;
            }
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            literal.append(c);
        }
        return literal.toString();
    }

    /** Emits each term, then its marked prefixes. */
    private static final class PrefixExpandingFilter extends TokenFilter {
        private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute incrementAttribute = addAttribute(PositionIncrementAttribute.class);
        private String current;
        private int nextLength;

        PrefixExpandingFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (current != null && nextLength <= Math.min(current.length(), MAX_PREFIX)) {
                termAttribute.setEmpty().append(current, 0, nextLength).append(MARKER);
                incrementAttribute.setPositionIncrement(0);
                nextLength++;
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            current = termAttribute.toString();
            nextLength = MIN_PREFIX;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            current = null;
        }
    }
}
