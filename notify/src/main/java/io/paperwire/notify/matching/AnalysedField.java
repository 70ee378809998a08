package io.paperwire.notify.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * One field of a paper, analysed once: its values (two tags, three authors) and the tokens they produced, each
 * with its absolute position (values separated by {@link PaperAnalyzer#VALUE_POSITION_GAP}), the value it came
 * from and its offsets inside that value. Lucene indexes these tokens by replaying them ({@link #tokenStream()});
 * the match explainer looks terms up in them and quotes the words of the paper that fired.
 */
final class AnalysedField {

    private final List<String> values;
    private final String[] terms;
    private final int[] positions;
    private final int[] valueIndexes;
    private final int[] startOffsets;
    private final int[] endOffsets;
    private Map<String, int[]> tokensByTerm;

    private AnalysedField(List<String> values, String[] terms, int[] positions, int[] valueIndexes,
                          int[] startOffsets, int[] endOffsets) {
        this.values = values;
        this.terms = terms;
        this.positions = positions;
        this.valueIndexes = valueIndexes;
        this.startOffsets = startOffsets;
        this.endOffsets = endOffsets;
    }

    /** Analyses the values of one field with the field's chain of {@code analyzer}. */
    static AnalysedField analyse(Analyzer analyzer, String fieldName, List<String> values) {
        List<String> terms = new ArrayList<>();
        IntList positions = new IntList();
        IntList valueIndexes = new IntList();
        IntList starts = new IntList();
        IntList ends = new IntList();
        int position = -1;
        for (int v = 0; v < values.size(); v++) {
            if (v > 0) {
                position += analyzer.getPositionIncrementGap(fieldName);
            }
            try (TokenStream stream = analyzer.tokenStream(fieldName, values.get(v))) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    position += increment.getPositionIncrement();
                    terms.add(term.toString());
                    positions.add(position);
                    valueIndexes.add(v);
                    starts.add(offset.startOffset());
                    ends.add(offset.endOffset());
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot analyse field " + fieldName, e);
            }
        }
        return new AnalysedField(List.copyOf(values), terms.toArray(String[]::new), positions.toArray(),
                valueIndexes.toArray(), starts.toArray(), ends.toArray());
    }

    /** Several analysed fields one after the other, as one field (title, abstract and keywords into text). */
    static AnalysedField concatenate(List<AnalysedField> parts, int positionGap) {
        List<String> values = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        IntList positions = new IntList();
        IntList valueIndexes = new IntList();
        IntList starts = new IntList();
        IntList ends = new IntList();
        int positionBase = 0;
        for (AnalysedField part : parts) {
            int valueBase = values.size();
            values.addAll(part.values);
            int last = positionBase;
            for (int i = 0; i < part.size(); i++) {
                terms.add(part.terms[i]);
                positions.add(positionBase + part.positions[i]);
                valueIndexes.add(valueBase + part.valueIndexes[i]);
                starts.add(part.startOffsets[i]);
                ends.add(part.endOffsets[i]);
                last = positionBase + part.positions[i];
            }
            if (part.size() > 0) {
                positionBase = last + positionGap;
            }
        }
        return new AnalysedField(values, terms.toArray(String[]::new), positions.toArray(), valueIndexes.toArray(),
                starts.toArray(), ends.toArray());
    }

    int size() {
        return terms.length;
    }

    List<String> values() {
        return values;
    }

    String term(int token) {
        return terms[token];
    }

    int position(int token) {
        return positions[token];
    }

    int valueIndex(int token) {
        return valueIndexes[token];
    }

    /** The words of the paper between two tokens of one value, as written. */
    String surface(int firstToken, int lastToken) {
        String value = values.get(valueIndexes[firstToken]);
        return value.substring(startOffsets[firstToken], endOffsets[lastToken]);
    }

    /** The token indexes of a term, in position order; empty when absent. */
    int[] tokensOf(String term) {
        if (tokensByTerm == null) {
            // Most terms occur once: a one-element array per term, grown by one for each repeat.
            Map<String, int[]> built = new HashMap<>(Math.max(16, terms.length * 2));
            for (int i = 0; i < terms.length; i++) {
                int[] tokens = built.get(terms[i]);
                if (tokens == null) {
                    built.put(terms[i], new int[] {i});
                } else {
                    int[] grown = java.util.Arrays.copyOf(tokens, tokens.length + 1);
                    grown[tokens.length] = i;
                    built.put(terms[i], grown);
                }
            }
            tokensByTerm = built;
        }
        return tokensByTerm.getOrDefault(term, NO_TOKENS);
    }

    /** The distinct terms of this field. */
    Iterable<String> distinctTerms() {
        tokensOf("");
        return tokensByTerm.keySet();
    }

    /** A fresh stream that replays the tokens with their positions and offsets, for indexing. */
    TokenStream tokenStream() {
        return new ReplayingTokenStream();
    }

    /** A fresh stream of this field's distinct terms, each once, one position apart, without offsets. */
    TokenStream distinctTermStream() {
        tokensOf("");
        List<BytesRef> distinct = new ArrayList<>(tokensByTerm.size());
        for (String term : tokensByTerm.keySet()) {
            distinct.add(new BytesRef(term));
        }
        return new TermListStream(distinct);
    }

    private static final int[] NO_TOKENS = new int[0];

    /** Replays the analysed tokens; offsets are made absolute across values as Lucene does (value length + 1). */
    private final class ReplayingTokenStream extends TokenStream {
        private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute incrementAttribute =
                addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
        private final int[] valueOffsetBase = new int[values.size()];
        private int next;
        private int lastPosition;

        ReplayingTokenStream() {
            int base = 0;
            for (int v = 0; v < values.size(); v++) {
                valueOffsetBase[v] = base;
                base += values.get(v).length() + 1;
            }
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
            lastPosition = -1;
        }

        @Override
        public boolean incrementToken() {
            if (next >= terms.length) {
                return false;
            }
            clearAttributes();
            termAttribute.setEmpty().append(terms[next]);
            incrementAttribute.setPositionIncrement(positions[next] - lastPosition);
            lastPosition = positions[next];
            int base = valueOffsetBase[valueIndexes[next]];
            offsetAttribute.setOffset(base + startOffsets[next], base + endOffsets[next]);
            next++;
            return true;
        }
    }

    /** A growable int array, to avoid boxing while analysing. */
    private static final class IntList {
        private int[] items = new int[64];
        private int size;

        void add(int value) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(items, size);
        }
    }
}
