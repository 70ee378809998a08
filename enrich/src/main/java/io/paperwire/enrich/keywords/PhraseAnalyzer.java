package io.paperwire.enrich.keywords;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Turns text into {@link WordToken}s and phrases into their normalised form, with Lucene's analysis: LaTeX markup
 * is blanked by a {@link PatternReplaceCharFilter}, words come from the {@link StandardTokenizer} (Unicode word
 * breaks, so hyphens split words), then possessive removal, ASCII folding, lower-casing and the Porter stemmer.
 *
 * <p>The normalised form of a phrase — every word lower-cased and Porter-stemmed, joined by single spaces, hyphens
 * treated as spaces — is what keyphrases are matched on, both here and in the evaluation. Thread-safe.
 */
public final class PhraseAnalyzer {

    /**
     * LaTeX that must never yield words: display and inline math (a {@code $} followed by an amount and a space is
     * money, not math), citations, references, labels and environments with their argument, any other control
     * word (its argument, as in {@code \emph{...}}, stays text), control symbols and accents, and bare braces,
     * sub/superscripts and ties. Each match becomes one space; offsets of the remaining text stay true.
     */
    private static final Pattern LATEX = Pattern.compile(
            // Every alternative starts with one of these characters; checking them first lets the scan skip
            // ordinary text one character test at a time instead of trying every alternative at every position.
            "(?=[$\\\\{}^_~])(?:"
                    + "\\$\\$.+?\\$\\$"
                    + "|\\\\\\[.+?\\\\\\]"
                    + "|\\\\\\(.+?\\\\\\)"
                    + "|\\$(?![0-9][0-9.,]*(?:\\s|$))[^$]{1,400}?\\$"
                    + "|\\\\(?:begin|end|cite[a-zA-Z]*|ref|eqref|autoref|label|url|ref[a-zA-Z]*)\\*?\\{[^{}]*\\}"
                    + "|\\\\[a-zA-Z]+\\*?"
                    + "|\\\\."
                    + "|[{}^_~])",
            Pattern.DOTALL);

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** The analysis chain for text that may hold LaTeX. */
    private final Analyzer analyzer = new WordAnalyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new PatternReplaceCharFilter(LATEX, " ", reader);
        }
    };
    /**
     * The same chain without the LaTeX filter, for text without any character a LaTeX match starts with: the
     * filter would pass it through unchanged, after a regex scan of every character.
     */
    private final Analyzer plainAnalyzer = new WordAnalyzer();

    private static class WordAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new LowerCaseFilter(stream);
            // The lower-cased term is kept in an attribute before the stemmer changes it.
            stream = new UnstemmedTermFilter(stream);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }

    private static boolean mayHoldLatex(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '$', '\\', '{', '}', '^', '_', '~' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** The words of {@code text} in order, with their surface forms and the separators between them. */
    List<WordToken> tokens(String text) {
        // About one word per six characters in abstracts: presized so that the list seldom grows.
        List<WordToken> tokens = new ArrayList<>(text.length() / 5 + 1);
        Analyzer chain = mayHoldLatex(text) ? analyzer : plainAnalyzer;
        try (TokenStream stream = chain.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            UnstemmedTermAttribute unstemmed = stream.addAttribute(UnstemmedTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            int previousEnd = -1;
            while (stream.incrementToken()) {
                String lowerCase = unstemmed.unstemmed();
                int start = offset.startOffset();
                int end = offset.endOffset();
                boolean joined = previousEnd >= 0 && start - previousEnd == 1 && text.charAt(previousEnd) == '-';
                boolean boundary = previousEnd >= 0 && !joined && !isBlank(text, previousEnd, start);
                // Most words are their own stem: then the stem is the lower-cased string itself.
                String stem = lowerCase.contentEquals(term) ? lowerCase : term.toString();
                // Most words are written in lower case: then the surface form is the lower-cased string too.
                String surface = lowerCase.length() == end - start && text.startsWith(lowerCase, start) ? lowerCase
                        : text.substring(start, end);
                tokens.add(new WordToken(surface, lowerCase, stem,
                        StandardTokenizer.TOKEN_TYPES[StandardTokenizer.NUM].equals(type.type()),
                        start, end, joined, boundary));
                previousEnd = end;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string failed", e);
        }
        return tokens;
    }

    /** As {@code text.substring(from, to).isBlank()}, without the substring (whitespace code points are all BMP). */
    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The normalised form of a phrase: each word lower-cased and Porter-stemmed, joined by single spaces
     * ("Mixture-of-Experts models" → "mixtur of expert model"). Empty when the phrase has no words.
     */
    public String normalize(String phrase) {
        StringBuilder normalized = new StringBuilder();
        for (WordToken token : tokens(phrase)) {
            if (normalized.length() > 0) {
                normalized.append(' ');
            }
            normalized.append(token.stem());
        }
        return SPACES.matcher(normalized).replaceAll(" ");
    }
}
