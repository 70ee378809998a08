package io.paperwire.enrich.keywords;

import java.util.List;

/**
 * A paper's title and abstract after Lucene's analysis ({@link PhraseAnalyzer}: LaTeX blanked, standard
 * tokenizer, possessives removed, ASCII folded, lower-cased, Porter-stemmed), done once and read by every part of
 * the enricher that needs words: the keyword extractor, the subject classifier and the topic tagger. Input: title and abstract.
 * Output: the words of each field in order, with stem, lower-cased form and whether they are numbers. Immutable.
 */
public final class AnalyzedText {

    private static final PhraseAnalyzer ANALYZER = new PhraseAnalyzer();

    private final String title;
    private final String abstractText;
    private final List<WordToken> titleWords;
    private final List<WordToken> abstractWords;

    private AnalyzedText(String title, String abstractText) {
        this.title = title;
        this.abstractText = abstractText;
        this.titleWords = ANALYZER.tokens(title);
        this.abstractWords = ANALYZER.tokens(abstractText);
    }

    /** Analyses a paper's text; null counts as empty. */
    public static AnalyzedText of(String title, String abstractText) {
        return new AnalyzedText(title == null ? "" : title, abstractText == null ? "" : abstractText);
    }

    /** The title as given (empty for null). */
    public String title() {
        return title;
    }

    /** The abstract as given (empty for null). */
    public String abstractText() {
        return abstractText;
    }

    /** The words of the title, in order. */
    public List<WordToken> titleWords() {
        return titleWords;
    }

    /** The words of the abstract, in order. */
    public List<WordToken> abstractWords() {
        return abstractWords;
    }

    /** Receives the words of the title, then those of the abstract, each field closed by {@link #endOfField()}. */
    public interface WordVisitor {
        /**
         * @param stem      lower-cased, ASCII-folded, Porter-stemmed
         * @param lowerCase lower-cased and ASCII-folded, not stemmed
         * @param numeric   whether the tokenizer read a number
         */
        void word(String stem, String lowerCase, boolean numeric);

        void endOfField();
    }

    /** Visits every word of the title, then of the abstract, in text order. */
    public void forEachWord(WordVisitor visitor) {
        for (List<WordToken> field : List.of(titleWords, abstractWords)) {
            for (WordToken word : field) {
                visitor.word(word.stem(), word.lowerCase(), word.numeric());
            }
            visitor.endOfField();
        }
    }
}
