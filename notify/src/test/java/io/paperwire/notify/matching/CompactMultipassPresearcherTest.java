package io.paperwire.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.schemas.EnrichedPaper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The compact presearcher indexes every stored query exactly as Monitor's own two-pass presearcher does. */
class CompactMultipassPresearcherTest {

    private static final TermWeightor WEIGHTOR = TermWeightor.combine(TermWeightor.DEFAULT,
            TermWeightor.fieldWeightor(0.2, PaperField.CATEGORIES.fieldName()));

    @Test
    void shouldIndexEachQueryWithTheSameFieldsAndTermsAsMonitorsPresearcher() throws IOException {
        MultipassTermFilteredPresearcher monitors = new MultipassTermFilteredPresearcher(2, 0, WEIGHTOR,
                List.of(new PrefixTermHandler()), Set.of());
        CompactMultipassPresearcher compact = new CompactMultipassPresearcher(2, 0, WEIGHTOR,
                List.of(new PrefixTermHandler()));
        List<String> queries = new ArrayList<>(List.of(
                "transformer", "title:supercond*", "categories:physics.*", "abstract:neur?l",
                "\"dark matter\" AND categories:astro-ph*", "tags:\"mixture of experts\" AND NOT categories:physics.*",
                "(qubit OR \"quantum computing\") AND -categories:quant-ph", "abstract:\"neural network\"~3",
                "authors:\"Geoffrey Hinton\"~1", "keywords:\"phase transition\"", "title:state-of-the-art"));
        SubscriptionGenerator generator = new SubscriptionGenerator(7);
        for (int i = 0; i < 2_000; i++) {
            queries.add(generator.nextQuery());
        }
        for (String text : queries) {
            Query query = SubscriptionQuery.parse(text).query();
            Map<String, List<List<String>>> compactTerms = termsByField(compact.indexQuery(query, Map.of()));
            assertThat(compactTerms).as("query-index document of %s", text).isNotEmpty();
            assertThat(compactTerms)
                    .as("query-index document of %s", text)
                    .isEqualTo(termsByField(monitors.indexQuery(query, Map.of())));
        }
    }

    @Test
    void shouldBuildTheSameQueryForAPaperAsMonitorsPresearcher() {
        MultipassTermFilteredPresearcher monitors = new MultipassTermFilteredPresearcher(2, 0, WEIGHTOR,
                List.of(new PrefixTermHandler()), Set.of());
        CompactMultipassPresearcher compact = new CompactMultipassPresearcher(2, 0, WEIGHTOR,
                List.of(new PrefixTermHandler()));
        PaperAnalyzer analyzer = new PaperAnalyzer();
        for (EnrichedPaper paper : TestPapers.fixtures()) {
            MemoryIndex index = new MemoryIndex();
            for (IndexableField field : PaperDocument.of(paper, analyzer).toLuceneDocument().getFields()) {
                index.addField(field, analyzer);
            }
            LeafReader reader = (LeafReader) index.createSearcher().getIndexReader();
            // Accept every other term, as Monitor accepts only the terms its query index holds.
            int[] seen = new int[1];
            BiPredicate<String, BytesRef> everyOther = (field, term) -> seen[0]++ % 2 == 0;
            Query expected = monitors.buildQuery(reader, everyOther);
            seen[0] = 0;
            Query actual = compact.buildQuery(reader, everyOther);
            assertThat(actual.toString()).as("query of %s", paper.getPaper().getKey()).contains("_1:");
            assertThat(actual).as("query of %s", paper.getPaper().getKey()).isEqualTo(expected);
        }
        analyzer.close();
    }

    /** Field name → the terms its token streams produce, in order; repeated fields are listed in turn. */
    private static Map<String, List<List<String>>> termsByField(Document document) throws IOException {
        Map<String, List<List<String>>> result = new TreeMap<>();
        for (IndexableField field : document.getFields()) {
            List<String> terms = new ArrayList<>();
            try (TokenStream stream = field.tokenStream(null, null)) {
                TermToBytesRefAttribute term = stream.addAttribute(TermToBytesRefAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    terms.add(term.getBytesRef().utf8ToString());
                }
                stream.end();
            }
            result.computeIfAbsent(field.name(), f -> new ArrayList<>()).add(terms);
        }
        return result;
    }
}
