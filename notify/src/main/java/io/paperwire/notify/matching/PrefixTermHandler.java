package io.paperwire.notify.matching;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
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
 * {@code prefix + MARKER}, and its field and length are remembered. Document side: every term of a field that has
 * prefix queries also yields its prefixes of the lengths stored for that field, each with the marker, so a paper
 * is a candidate exactly when one of its terms starts with the prefix. Other fields are not expanded at all.
 * Prefixes longer than {@value #MAX_PREFIX} characters are cut to that length: the presearcher may then let a few
 * extra candidates through, never lose one. Lengths are remembered for good (a deleted query leaves its length
 * behind), which can only cost a few extra expansions, never a lost candidate. One handler serves one Monitor;
 * it is thread-safe.
 */
final class PrefixTermHandler implements CustomQueryHandler {

    static final int MIN_PREFIX = 2;
    static final int MAX_PREFIX = 10;
    private static final char MARKER = '\u0001';

    /** Per field, a bit per prefix length some stored query uses (bit n: length n). */
    private final Map<String, Integer> prefixLengthsByField = new ConcurrentHashMap<>();
    private final UnaryOperator<String> presearchField;

    /** A handler that indexes a prefix under the field its query names. */
    PrefixTermHandler() {
        this(UnaryOperator.identity());
    }

    /**
     * A handler that indexes a prefix under {@code presearchField.apply(field)}: the field of the presearcher's
     * document where the paper's terms of the query's field are (see {@link PaperField#presearchField()}).
     */
    PrefixTermHandler(UnaryOperator<String> presearchField) {
        this.presearchField = presearchField;
    }

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
        int length = Math.min(prefix.length(), MAX_PREFIX);
        String indexedField = presearchField.apply(field);
        prefixLengthsByField.merge(indexedField, 1 << length, (a, b) -> a | b);
        return QueryTree.term(new Term(indexedField, prefix.substring(0, length) + MARKER), weightor);
    }

    @Override
    public TokenStream wrapTermStream(String field, TokenStream in) {
        Integer lengths = prefixLengthsByField.get(field);
        return lengths == null ? in : new PrefixExpandingFilter(in, lengths);
    }

    /** The prefix lengths the document side expands a field's terms to; empty when the field is not expanded. */
    List<Integer> expandedLengths(String field) {
        int lengths = prefixLengthsByField.getOrDefault(field, 0);
        List<Integer> result = new ArrayList<>();
        for (int length = MIN_PREFIX; length <= MAX_PREFIX; length++) {
            if ((lengths & (1 << length)) != 0) {
                result.add(length);
            }
        }
        return result;
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

    /** Emits each term, then its marked prefixes of the wanted lengths. */
    private static final class PrefixExpandingFilter extends TokenFilter {
        private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute incrementAttribute = addAttribute(PositionIncrementAttribute.class);
        private final int lengths;
        private String current;
        private int nextLength;

        PrefixExpandingFilter(TokenStream input, int lengths) {
            super(input);
            this.lengths = lengths;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (current != null) {
                int limit = Math.min(current.length(), MAX_PREFIX);
                while (nextLength <= limit && (lengths & (1 << nextLength)) == 0) {
                    nextLength++;
                }
                if (nextLength <= limit) {
                    termAttribute.setEmpty().append(current, 0, nextLength).append(MARKER);
                    incrementAttribute.setPositionIncrement(0);
                    nextLength++;
                    return true;
                }
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
