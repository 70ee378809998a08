package io.paperwire.notify.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.custom.CustomAnalyzer;

/**
 * The one analyser of paper documents and subscription queries, chosen per field; documents and queries go through
 * the same chain, which is what makes a stored query match.
 *
 * <ul>
 *   <li>{@code title}, {@code abstract}, {@code keywords}, {@code text}: English text. Standard tokenizer, possessive
 *       {@code 's} removed, lower case, accents folded, English stop words removed, Porter stemming, so
 *       {@code transformers} finds {@code transformer}.</li>
 *   <li>{@code tags}: each tag a short phrase. Standard tokenizer, lower case, accents folded, plural {@code s}
 *       removed, no stop words (so {@code "mixture of experts"} is an exact phrase); a gap between tags.</li>
 *   <li>{@code authors}: each name a short phrase. TeX accents ({@code Bal\'azs}, {@code {\"o}}) reduced to the
 *       letter, then tokenised, lower case, accents folded: {@code Balázs}, {@code balazs} and {@code Bal\'azs}
 *       are the same name. A gap between authors, so {@code "Wei Wang"} never spans two of them.</li>
 *   <li>{@code categories}: each category one lower-cased token, so {@code cs.LG} and {@code physics.*} work.</li>
 * </ul>
 *
 * <p>Multi-valued fields get a position gap of {@value #VALUE_POSITION_GAP}; phrase slop below that never crosses
 * values. Wildcard and prefix terms are normalised (lower case, folded) with the same per-field chain.
 */
public final class PaperAnalyzer extends DelegatingAnalyzerWrapper {

    /** Positions between two values of one field (two tags, two authors, title and abstract in {@code text}). */
    public static final int VALUE_POSITION_GAP = 100;

    /** TeX accent commands such as {@code \'a}, {@code \"{o}}, {@code {\'e}}, {@code \c{c}}: keep the letter. */
    private static final String TEX_ACCENT = "\\{?\\\\[`'^\"~=.uvHckrb]\\s*\\{?([A-Za-z])\\}?\\}?";

    private final Map<PaperField, Analyzer> analyzers = new EnumMap<>(PaperField.class);

    public PaperAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
        try {
            Analyzer english = CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("englishPossessive")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .addTokenFilter("stop")
                    .addTokenFilter("porterStem")
                    .withPositionIncrementGap(VALUE_POSITION_GAP)
                    .build();
            Analyzer tag = CustomAnalyzer.builder()
                    .withTokenizer("standard")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .addTokenFilter("englishMinimalStem")
                    .withPositionIncrementGap(VALUE_POSITION_GAP)
                    .build();
            Analyzer author = CustomAnalyzer.builder()
                    .addCharFilter("patternReplace", "pattern", TEX_ACCENT, "replacement", "$1")
                    .withTokenizer("standard")
                    .addTokenFilter("lowercase")
                    .addTokenFilter("asciiFolding")
                    .withPositionIncrementGap(VALUE_POSITION_GAP)
                    .build();
            Analyzer category = CustomAnalyzer.builder()
                    .withTokenizer("keyword")
                    .addTokenFilter("lowercase")
                    .withPositionIncrementGap(VALUE_POSITION_GAP)
                    .build();
            analyzers.put(PaperField.TITLE, english);
            analyzers.put(PaperField.ABSTRACT, english);
            analyzers.put(PaperField.KEYWORDS, english);
            analyzers.put(PaperField.TEXT, english);
            analyzers.put(PaperField.TAGS, tag);
            analyzers.put(PaperField.AUTHORS, author);
            analyzers.put(PaperField.CATEGORIES, category);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the paper analysers", e);
        }
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return PaperField.byFieldName(fieldName).map(analyzers::get)
                .orElseThrow(() -> new IllegalArgumentException("no analyser for field '" + fieldName + "'"));
    }

    @Override
    public void close() {
        analyzers.values().stream().distinct().forEach(Analyzer::close);
        super.close();
    }
}
