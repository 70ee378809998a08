package io.paperwire.enrich.keywords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive baseline the issue quotes: TF-IDF over stop-word-delimited 1–3-grams. Candidates are all runs of 1 to
 * 3 words that cross no stop word, number or punctuation (the same stop list as {@link KeywordExtractor}, so the
 * comparison is about the method, not the list); a candidate's score is its count in the document times
 * {@code ln(N / df)}, with document frequencies counted over the dataset itself. Ties, frequent among n-grams seen
 * in one document only, go to the longer n-gram, then to the earlier one.
 */
final class NaiveTfIdfBaseline {

    private static final int MAX_WORDS = 3;

    private final PhraseAnalyzer analyzer = new PhraseAnalyzer();
    private final WordClasses words = WordClasses.english();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private int documents;

    /** Counts the document's distinct n-grams. */
    void observe(String title, String abstractText) {
        documents++;
        for (String ngram : ngrams(title, abstractText).keySet()) {
            documentFrequency.merge(ngram, 1, Integer::sum);
        }
    }

    /** The document's n-grams (surface forms of their first occurrence), best first. */
    List<String> rank(String title, String abstractText) {
        List<Ngram> ranked = new ArrayList<>(ngrams(title, abstractText).values());
        for (Ngram ngram : ranked) {
            int df = Math.max(1, documentFrequency.getOrDefault(ngram.normalized, 0));
            ngram.score = ngram.count * Math.log((double) Math.max(documents, df) / df);
        }
        // A stable sort: among equal scores and lengths the earlier n-gram stays first.
        ranked.sort(Comparator.comparingDouble((Ngram n) -> n.score).reversed()
                .thenComparing(Comparator.comparingInt((Ngram n) -> n.length).reversed()));
        return ranked.stream().map(n -> n.surface).toList();
    }

    private static final class Ngram {
        final String normalized;
        final String surface;
        final int length;
        int count;
        double score;

        Ngram(String normalized, String surface, int length) {
            this.normalized = normalized;
            this.surface = surface;
            this.length = length;
        }
    }

    /** The document's n-grams in order of first occurrence, keyed by normalised form. */
    private Map<String, Ngram> ngrams(String title, String abstractText) {
        Map<String, Ngram> ngrams = new LinkedHashMap<>();
        for (String text : List.of(title, abstractText)) {
            List<WordToken> segment = new ArrayList<>();
            for (WordToken token : analyzer.tokens(text)) {
                boolean word = WordClasses.isWordLike(token) && !words.isStopWord(token.lowerCase());
                if (!word || token.boundaryBefore()) {
                    addNgrams(segment, text, ngrams);
                    segment.clear();
                }
                if (word) {
                    segment.add(token);
                }
            }
            addNgrams(segment, text, ngrams);
        }
        return ngrams;
    }

    private static void addNgrams(List<WordToken> segment, String text, Map<String, Ngram> ngrams) {
        for (int from = 0; from < segment.size(); from++) {
            StringBuilder normalized = new StringBuilder();
            for (int to = from; to < segment.size() && to - from < MAX_WORDS; to++) {
                if (to > from) {
                    normalized.append(' ');
                }
                normalized.append(segment.get(to).stem());
                String surface = text.substring(segment.get(from).start(), segment.get(to).end());
                int length = to - from + 1;
                ngrams.computeIfAbsent(normalized.toString(), key -> new Ngram(key, surface, length)).count++;
            }
        }
    }
}
