package io.paperwire.notify.matching;

import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Decides whether one analysed paper matches a stored query by looking its terms up in the paper's analysed fields,
 * instead of running the query through a Lucene searcher (which costs a rewrite, a weight and a scorer per query).
 *
 * <p>In: a query as {@link SubscriptionQuery} builds it, and a {@link PaperDocument}. Out: {@link #MATCH},
 * {@link #NO_MATCH}, or {@link #UNKNOWN} when the query has a part whose value matters and that is not evaluated
 * here (sloppy phrases that repeat a term, minimum-should-match, any other query type); the caller then asks Lucene.
 * Evaluated with Lucene's semantics: a term is present in the field; an exact phrase has every term at its relative
 * position; a sloppy phrase has its terms within the slop of their relative positions;
 * a prefix or wildcard matches one of the field's terms; a boolean query needs all MUST/FILTER clauses, no
 * MUST_NOT clause, and one SHOULD clause when it has no MUST/FILTER clause. The matching-semantics test compares
 * this with a plain Lucene index search.
 */
final class DirectQueryEvaluator {

    static final int NO_MATCH = 0;
    static final int MATCH = 1;
    static final int UNKNOWN = -1;

    private DirectQueryEvaluator() {
    }

    static int evaluate(Query query, PaperDocument paper) {
        if (query instanceof TermQuery termQuery) {
            Term term = termQuery.getTerm();
            return field(paper, term.field()).tokensOf(term.text()).length > 0 ? MATCH : NO_MATCH;
        }
        if (query instanceof BooleanQuery booleanQuery) {
            return evaluateBoolean(booleanQuery, paper);
        }
        if (query instanceof PhraseQuery phraseQuery) {
            return evaluatePhrase(phraseQuery, paper);
        }
        if (query instanceof AutomatonQuery automatonQuery) {
            return evaluateAutomaton(automatonQuery, paper);
        }
        if (query instanceof BoostQuery boostQuery) {
            return evaluate(boostQuery.getQuery(), paper);
        }
        if (query instanceof ConstantScoreQuery constantScoreQuery) {
            return evaluate(constantScoreQuery.getQuery(), paper);
        }
        if (query instanceof MatchNoDocsQuery) {
            return NO_MATCH;
        }
        return UNKNOWN;
    }

    private static int evaluateBoolean(BooleanQuery query, PaperDocument paper) {
        if (query.getMinimumNumberShouldMatch() > 0) {
            return UNKNOWN;
        }
        boolean unknown = false;
        boolean hasRequired = false;
        boolean anyShould = false;
        boolean unknownShould = false;
        for (BooleanClause clause : query.clauses()) {
            switch (clause.getOccur()) {
                case MUST, FILTER -> {
                    hasRequired = true;
                    int value = evaluate(clause.getQuery(), paper);
                    if (value == NO_MATCH) {
                        return NO_MATCH;
                    }
                    unknown |= value == UNKNOWN;
                }
                case MUST_NOT -> {
                    int value = evaluate(clause.getQuery(), paper);
                    if (value == MATCH) {
                        return NO_MATCH;
                    }
                    unknown |= value == UNKNOWN;
                }
                case SHOULD -> {
                    if (!anyShould) {
                        int value = evaluate(clause.getQuery(), paper);
                        anyShould = value == MATCH;
                        unknownShould |= value == UNKNOWN;
                    }
                }
                default -> {
                    return UNKNOWN;
                }
            }
        }
        if (!hasRequired) {
            if (!anyShould) {
                return unknownShould ? UNKNOWN : NO_MATCH;
            }
        }
        return unknown ? UNKNOWN : MATCH;
    }

    private static int evaluatePhrase(PhraseQuery query, PaperDocument paper) {
        if (query.getSlop() != 0) {
            return evaluateSloppyPhrase(query, paper);
        }
        Term[] terms = query.getTerms();
        if (terms.length == 0) {
            return NO_MATCH;
        }
        int[] offsets = query.getPositions();
        AnalysedField field = field(paper, query.getField());
        int[][] occurrences = occurrences(terms, field);
        if (occurrences == null) {
            return NO_MATCH;
        }
        for (int first : occurrences[0]) {
            int start = field.position(first) - offsets[0];
            boolean all = true;
            for (int i = 1; i < terms.length && all; i++) {
                all = hasTokenAt(field, occurrences[i], start + offsets[i]);
            }
            if (all) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }

    /**
     * A sloppy phrase of distinct terms, as Lucene's {@code SloppyPhraseMatcher} decides it: the paper matches when
     * one occurrence of each term can be chosen so that the spread of their positions, each taken relative to the
     * term's place in the phrase, is at most the slop ({@code "a b"~1} does not match "b a", which needs slop 2).
     * The smallest such spread is found by always moving on the occurrence furthest behind. A phrase that repeats
     * a term (Lucene then keeps the repeats on different positions) is left to Lucene.
     */
    private static int evaluateSloppyPhrase(PhraseQuery query, PaperDocument paper) {
        Term[] terms = query.getTerms();
        if (terms.length == 0) {
            return NO_MATCH;
        }
        for (int i = 0; i < terms.length; i++) {
            for (int j = i + 1; j < terms.length; j++) {
                if (terms[i].bytes().equals(terms[j].bytes())) {
                    return UNKNOWN;
                }
            }
        }
        int[] offsets = query.getPositions();
        AnalysedField field = field(paper, query.getField());
        int[][] occurrences = occurrences(terms, field);
        if (occurrences == null) {
            return NO_MATCH;
        }
        int[] next = new int[terms.length];
        while (true) {
            int behind = 0;
            int lowest = Integer.MAX_VALUE;
            int highest = Integer.MIN_VALUE;
            for (int i = 0; i < terms.length; i++) {
                int relative = field.position(occurrences[i][next[i]]) - offsets[i];
                if (relative < lowest) {
                    lowest = relative;
                    behind = i;
                }
                highest = Math.max(highest, relative);
            }
            if (highest - lowest <= query.getSlop()) {
                return MATCH;
            }
            if (++next[behind] == occurrences[behind].length) {
                return NO_MATCH;
            }
        }
    }

    /** Each term's tokens in the field, in position order; null when a term is absent. */
    private static int[][] occurrences(Term[] terms, AnalysedField field) {
        int[][] occurrences = new int[terms.length][];
        for (int i = 0; i < terms.length; i++) {
            occurrences[i] = field.tokensOf(terms[i].text());
            if (occurrences[i].length == 0) {
                return null;
            }
        }
        return occurrences;
    }

    private static boolean hasTokenAt(AnalysedField field, int[] tokens, int position) {
        for (int token : tokens) {
            if (field.position(token) == position) {
                return true;
            }
        }
        return false;
    }

    private static int evaluateAutomaton(AutomatonQuery query, PaperDocument paper) {
        ByteRunAutomaton[] automaton = new ByteRunAutomaton[1];
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> supplier) {
                automaton[0] = supplier.get();
            }
        });
        if (automaton[0] == null) {
            return UNKNOWN;
        }
        for (String term : field(paper, query.getField()).distinctTerms()) {
            BytesRef bytes = new BytesRef(term);
            if (automaton[0].run(bytes.bytes, bytes.offset, bytes.length)) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }

    private static AnalysedField field(PaperDocument paper, String fieldName) {
        PaperField field = PaperField.ofFieldName(fieldName);
        if (field == null) {
            throw new IllegalArgumentException("query names unknown field " + fieldName);
        }
        return paper.field(field);
    }
}
