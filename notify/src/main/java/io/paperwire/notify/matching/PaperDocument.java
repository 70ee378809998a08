package io.paperwire.notify.matching;

import io.paperwire.schemas.Author;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.Tag;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * An enriched paper analysed once for matching. In: an {@link EnrichedPaper}. Out: a Lucene {@link Document} for
 * Lucene Monitor (or any index) whose fields replay the analysed tokens, and the analysed fields themselves for
 * explaining a match and for the TF-IDF vector of {@link SeedIndex}.
 *
 * <p>What goes where: {@code title} (the plain title when the source gives one), {@code abstract},
 * {@code keywords} (each keyphrase a value), {@code tags} (each tag name a value), {@code authors} (each name a
 * value), {@code categories} (each code a value) and {@code text} = title, abstract and keywords.
 */
public final class PaperDocument {

    private final String paperKey;
    private final int version;
    private final double trendingScore;
    private final Map<PaperField, AnalysedField> fields;

    private PaperDocument(String paperKey, int version, double trendingScore, Map<PaperField, AnalysedField> fields) {
        this.paperKey = paperKey;
        this.version = version;
        this.trendingScore = trendingScore;
        this.fields = fields;
    }

    /** Analyses a paper with the given analyser (a {@link PaperAnalyzer}). */
    public static PaperDocument of(EnrichedPaper enriched, Analyzer analyzer) {
        Paper paper = enriched.getPaper();
        String title = paper.getTitlePlain() != null && !paper.getTitlePlain().isBlank()
                ? paper.getTitlePlain() : paper.getTitle();
        List<String> authors = new ArrayList<>();
        for (Author author : paper.getAuthors()) {
            authors.add(author.getName());
        }
        List<String> keywords = new ArrayList<>();
        for (Keyword keyword : enriched.getKeywords()) {
            keywords.add(keyword.getPhrase());
        }
        List<String> tags = new ArrayList<>();
        for (Tag tag : enriched.getTags()) {
            tags.add(tag.getTag());
        }
        Map<PaperField, AnalysedField> fields = new EnumMap<>(PaperField.class);
        fields.put(PaperField.TITLE, analyse(analyzer, PaperField.TITLE, List.of(title)));
        fields.put(PaperField.ABSTRACT, analyse(analyzer, PaperField.ABSTRACT, List.of(paper.getAbstractText())));
        fields.put(PaperField.KEYWORDS, analyse(analyzer, PaperField.KEYWORDS, keywords));
        fields.put(PaperField.TAGS, analyse(analyzer, PaperField.TAGS, tags));
        fields.put(PaperField.AUTHORS, analyse(analyzer, PaperField.AUTHORS, authors));
        fields.put(PaperField.CATEGORIES, analyse(analyzer, PaperField.CATEGORIES, paper.getCategories()));
        fields.put(PaperField.TEXT, AnalysedField.concatenate(
                List.of(fields.get(PaperField.TITLE), fields.get(PaperField.ABSTRACT), fields.get(PaperField.KEYWORDS)),
                analyzer.getPositionIncrementGap(PaperField.TEXT.fieldName())));
        return new PaperDocument(paper.getKey(), paper.getVersion(), enriched.getTrendingScore(), fields);
    }

    private static AnalysedField analyse(Analyzer analyzer, PaperField field, List<String> values) {
        return AnalysedField.analyse(analyzer, field.fieldName(), values);
    }

    /** The stable paper key. */
    public String paperKey() {
        return paperKey;
    }

    /** The paper version. */
    public int version() {
        return version;
    }

    /** The trending score the enricher gave. */
    public double trendingScore() {
        return trendingScore;
    }

    AnalysedField field(PaperField field) {
        return fields.get(field);
    }

    /**
     * A new Lucene document of the analysed fields (each call gives fresh token streams, so the result may be
     * indexed exactly once).
     */
    public Document toLuceneDocument() {
        Document document = new Document();
        fields.forEach((field, analysed) -> {
            if (analysed.size() > 0) {
                document.add(new Field(field.fieldName(), analysed.tokenStream(), TextField.TYPE_NOT_STORED));
            }
        });
        return document;
    }

    /**
     * The smaller document {@link PaperMatcher} gives Lucene Monitor when its presearcher folds fields
     * ({@link PaperField#presearchField()}): one field per presearch field ({@code text}, {@code tags},
     * {@code authors}, {@code categories}), each holding its distinct terms once. The presearcher only asks which
     * terms a field has; positions, repeats and the separate title, abstract and keywords fields would make
     * Monitor's in-memory index of the paper several times larger for nothing. Queries are checked on the analysed
     * paper itself, not on this document.
     */
    public Document toPresearchDocument() {
        Document document = new Document();
        fields.forEach((field, analysed) -> {
            if (field.presearchField() == field && analysed.size() > 0) {
                document.add(new Field(field.fieldName(), analysed.distinctTermStream(), TextField.TYPE_NOT_STORED));
            }
        });
        return document;
    }
}
