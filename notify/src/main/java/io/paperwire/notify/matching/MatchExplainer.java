package io.paperwire.notify.matching;

import io.paperwire.schemas.MatchReasonKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Says why a paper matched one stored query, cheaply, after Lucene Monitor has said <em>that</em> it matched.
 *
 * <p>In: a query (its positive leaves are collected once: terms, phrases, prefix and wildcard patterns; NOT clauses
 * never explain a match) and an analysed {@link PaperDocument}. Out: the {@link Reason}s, one per leaf present in
 * the paper, quoting the paper's own words: the surface text for title, abstract and keywords (a bare term is looked
 * up in title, then keywords, then abstract), the whole tag, author name or category otherwise.
 *
 * <p>This replaces Monitor's {@code HighlightsMatch} (which re-runs every matching query with the Matches API)
 * by hash look-ups in the already analysed paper. Phrases with slop are checked approximately (every word within
 * the slop of its place), which can only add a reason for a sloppy phrase in an OR branch that did not match.
 */
final class MatchExplainer {

    private static final PaperField[] TEXT_PARTS = {PaperField.TITLE, PaperField.KEYWORDS, PaperField.ABSTRACT};

    private final List<Leaf> leaves;

    MatchExplainer(Query query) {
        List<Leaf> collected = new ArrayList<>();
        query.visit(new LeafCollector(collected));
        this.leaves = List.copyOf(collected);
    }

    /** The reasons the paper matched; never empty for a paper that matched. */
    List<Reason> explain(PaperDocument paper) {
        Set<Reason> reasons = new LinkedHashSet<>();
        for (Leaf leaf : leaves) {
            Reason reason = leaf.fieldOfQuery() == PaperField.TEXT ? explainText(leaf, paper)
                    : leaf.explain(leaf.fieldOfQuery(), paper.field(leaf.fieldOfQuery()));
            if (reason != null) {
                reasons.add(reason);
            }
        }
        return List.copyOf(reasons);
    }

    private static Reason explainText(Leaf leaf, PaperDocument paper) {
        for (PaperField part : TEXT_PARTS) {
            Reason reason = leaf.explain(part, paper.field(part));
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private static Reason reason(PaperField field, AnalysedField analysed, int firstToken, int lastToken,
                                 boolean phrase) {
        return switch (field) {
            case TAGS -> new Reason(MatchReasonKind.TAG, field.fieldName(),
                    analysed.values().get(analysed.valueIndex(firstToken)), null);
            case AUTHORS -> new Reason(MatchReasonKind.AUTHOR, field.fieldName(),
                    analysed.values().get(analysed.valueIndex(firstToken)), null);
            case CATEGORIES -> new Reason(MatchReasonKind.CATEGORY, field.fieldName(),
                    analysed.values().get(analysed.valueIndex(firstToken)), null);
            default -> new Reason(phrase ? MatchReasonKind.PHRASE : MatchReasonKind.TERM, field.fieldName(),
                    analysed.surface(firstToken, lastToken), null);
        };
    }

    /** A positive leaf of a query. */
    private interface Leaf {
        PaperField fieldOfQuery();

        /** The reason this leaf gives on one analysed field, or null when it is absent there. */
        Reason explain(PaperField field, AnalysedField analysed);
    }

    private record TermLeaf(PaperField fieldOfQuery, String term) implements Leaf {
        @Override
        public Reason explain(PaperField field, AnalysedField analysed) {
            int[] tokens = analysed.tokensOf(term);
            return tokens.length == 0 ? null : reason(field, analysed, tokens[0], tokens[0], false);
        }
    }

    private record PhraseLeaf(PaperField fieldOfQuery, String[] terms, int[] offsets, int slop) implements Leaf {
        @Override
        public Reason explain(PaperField field, AnalysedField analysed) {
            for (int first : analysed.tokensOf(terms[0])) {
                int start = analysed.position(first) - offsets[0];
                int lastToken = first;
                boolean all = true;
                for (int i = 1; i < terms.length && all; i++) {
                    int found = tokenNear(analysed, analysed.tokensOf(terms[i]), start + offsets[i]);
                    if (found < 0) {
                        all = false;
                    } else if (analysed.position(found) > analysed.position(lastToken)) {
                        lastToken = found;
                    }
                }
                if (all) {
                    return reason(field, analysed, first, lastToken, terms.length > 1);
                }
            }
            return null;
        }

        private int tokenNear(AnalysedField analysed, int[] tokens, int wanted) {
            for (int token : tokens) {
                if (Math.abs(analysed.position(token) - wanted) <= slop) {
                    return token;
                }
            }
            return -1;
        }
    }

    private record PatternLeaf(PaperField fieldOfQuery, ByteRunAutomaton automaton) implements Leaf {
        @Override
        public Reason explain(PaperField field, AnalysedField analysed) {
            for (int token = 0; token < analysed.size(); token++) {
                BytesRef bytes = new BytesRef(analysed.term(token));
                if (automaton.run(bytes.bytes, bytes.offset, bytes.length)) {
                    return reason(field, analysed, token, token, false);
                }
            }
            return null;
        }
    }

    /** Collects the leaves of the clauses that can make a query match (everything but MUST_NOT). */
    private static final class LeafCollector extends QueryVisitor {
        private final List<Leaf> leaves;

        LeafCollector(List<Leaf> leaves) {
            this.leaves = leaves;
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? EMPTY_VISITOR : this;
        }

        @Override
        public void consumeTerms(Query query, Term... terms) {
            if (query instanceof PhraseQuery phrase) {
                String[] words = new String[terms.length];
                for (int i = 0; i < terms.length; i++) {
                    words[i] = terms[i].text();
                }
                leaves.add(new PhraseLeaf(field(terms[0].field()), words, phrase.getPositions(), phrase.getSlop()));
                return;
            }
            for (Term term : terms) {
                leaves.add(new TermLeaf(field(term.field()), term.text()));
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            leaves.add(new PatternLeaf(field(field), automaton.get()));
        }

        private static PaperField field(String name) {
            return PaperField.byFieldName(name)
                    .orElseThrow(() -> new IllegalArgumentException("query names unknown field " + name));
        }
    }
}
