package io.paperwire.enrich.tags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits English text into stemmed tokens with Lucene (standard tokenizer, possessive removal, lower case, then
 * the Porter stemmer or only plural folding), keeping each token's surface form and offsets. Input: title,
 * abstract or a phrase, possibly with LaTeX. Output: tokens in text order. Inline math ({@code $…$}) and TeX
 * control words ({@code \emph}) are blanked before analysis, so {@code $\Lambda_{\alpha}$} yields no token while
 * {@code \emph{sparse}} yields {@code sparse}.
 * Hyphenated forms split into their words ({@code mixture-of-experts} → mixture, of, expert).
 *
 * <p>Thread-safe: Lucene analyzers keep per-thread token streams.
 */
final class StemmedTokenizer {

    /** How far words are reduced. */
    enum Stemming {
        /** Porter: {@code transformers}, {@code transformation} → {@code transform}. Best recall, for statistics. */
        PORTER,
        /** Plurals only: {@code transformers} → {@code transformer}; for matching names, where Porter conflates. */
        PLURALS
    }

    /** One token: its stem, the text as written, where it stands, and whether it is an English stop word. */
    record Token(String stem, String surface, int start, int end, boolean stopWord) {
    }

    private static final Pattern LATEX = Pattern.compile(
            // The look-ahead lets the scan skip ordinary text with one character test per position.
            "(?=[$\\\\])(?:\\$\\$.*?\\$\\$|\\$[^$]*\\$|\\\\[A-Za-z]+)",
            Pattern.DOTALL);
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private final Analyzer analyzer;

    StemmedTokenizer(Stemming stemming) {
        analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = stemming == Stemming.PORTER ? new PorterStemFilter(stream)
                        : new EnglishMinimalStemFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** The tokens of {@code text}; empty for null or blank text. */
    List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        String masked = maskLatex(text);
        try (TokenStream stream = analyzer.tokenStream("text", masked)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String surface = text.substring(offset.startOffset(), offset.endOffset());
                boolean stop = STOP_WORDS.contains(surface.toLowerCase(java.util.Locale.ROOT));
                tokens.add(new Token(term.toString(), surface, offset.startOffset(), offset.endOffset(), stop));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in-memory text failed", e);
        }
        return tokens;
    }

    /** The stems of {@code text} in order, e.g. for a taxonomy phrase. */
    List<String> stems(String text) {
        return tokens(text).stream().map(Token::stem).toList();
    }

    /** Replaces LaTeX math and control words by spaces of the same length, so offsets still point into the text. */
    static String maskLatex(String text) {
        if (text.indexOf('$') < 0 && text.indexOf('\\') < 0) {
            return text; // most titles and many abstracts: nothing the pattern could match
        }
        Matcher matcher = LATEX.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text);
        do {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                if (!Character.isWhitespace(masked.charAt(i))) {
                    masked.setCharAt(i, ' ');
                }
            }
        } while (matcher.find());
        return masked.toString();
    }
}
