package io.paperwire.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.schemas.EnrichedPaper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

/**
 * The default matcher gives Monitor a folded presearch document (title, abstract and keywords looked for in
 * {@code text}; distinct terms only) and decides sloppy phrases itself. These tests pin the pieces that make that
 * safe: the field look-up, the folding, the sloppy-phrase rule against Lucene's, and the in-memory fallback for
 * the queries the direct check leaves to Lucene.
 */
class FoldedPresearchTest {

    private static final PaperAnalyzer ANALYZER = new PaperAnalyzer();

    @Test
    void shouldLookEveryFieldUpByItsLuceneName() {
        for (PaperField field : PaperField.values()) {
            assertThat(PaperField.ofFieldName(field.fieldName())).isEqualTo(field);
        }
        assertThat(PaperField.ofFieldName("venue")).isNull();
    }

    @Test
    void shouldFoldTheTextFieldsIntoTextAndLeaveTheOthers() {
        assertThat(List.of("title", "abstract", "keywords", "text").stream().map(PaperField::presearchFieldName))
                .containsOnly("text");
        assertThat(List.of("tags", "authors", "categories", "__anytokenfield").stream()
                .map(PaperField::presearchFieldName))
                .containsExactly("tags", "authors", "categories", "__anytokenfield");
    }

    @Test
    void shouldGiveMonitorOnlyThePresearchFieldsWithEachTermOnce() {
        EnrichedPaper paper = TestPapers.paper("t:1", "Graphs of graphs", "Graphs everywhere, graphs.",
                List.of("Ada Lovelace"), List.of("cs.LG"), List.of("graph theory"), List.of("graphs"), 0);
        List<String> names = new ArrayList<>();
        for (IndexableField field : PaperDocument.of(paper, ANALYZER).toPresearchDocument()) {
            names.add(field.name());
        }
        assertThat(names).containsExactlyInAnyOrder("text", "tags", "authors", "categories");
    }

    @Test
    void shouldDecideSloppyPhrasesAsLuceneDoes() {
        String[] words = {"quantum", "graph", "spin", "glass", "model", "network", "learning", "phase"};
        Random random = new Random(11);
        int decided = 0;
        for (int round = 0; round < 400; round++) {
            String abstractText = randomText(random, words, 6 + random.nextInt(20));
            EnrichedPaper paper = TestPapers.paper("t:" + round, randomText(random, words, 4), abstractText,
                    List.of("Ada Lovelace"), List.of("cs.LG"), List.of(randomText(random, words, 2)),
                    List.of(), 0);
            PaperDocument document = PaperDocument.of(paper, ANALYZER);
            MemoryIndex index = MemoryIndex.fromDocument(document.toLuceneDocument(), ANALYZER);
            String field = List.of("abstract", "title", "keywords").get(random.nextInt(3));
            String phrase = randomText(random, words, 2 + random.nextInt(2));
            String text = field + ":\"" + phrase + "\"~" + random.nextInt(5);
            Query query = SubscriptionQuery.parse(text).query();

            int direct = DirectQueryEvaluator.evaluate(query, document);
            boolean lucene = index.search(query) > 0;

            if (direct != DirectQueryEvaluator.UNKNOWN) {
                decided++;
                assertThat(direct == DirectQueryEvaluator.MATCH).as(text + " on '" + abstractText + "'")
                        .isEqualTo(lucene);
            }
        }
        assertThat(decided).as("phrases without a repeated word are decided directly").isGreaterThan(250);
    }

    @Test
    void shouldLeaveSloppyPhrasesThatRepeatAWordToLuceneAndStillMatchThem() throws IOException {
        EnrichedPaper repeated = TestPapers.paper("t:rep", "Spin waves", "a spin model of a spin glass",
                List.of("Ada Lovelace"), List.of("cond-mat.dis-nn"), List.of(), List.of(), 0);
        EnrichedPaper once = TestPapers.paper("t:once", "Spin waves", "a spin model of glass",
                List.of("Ada Lovelace"), List.of("cond-mat.dis-nn"), List.of(), List.of(), 0);
        Query query = SubscriptionQuery.parse("abstract:\"spin model spin\"~2").query();
        assertThat(DirectQueryEvaluator.evaluate(query, PaperDocument.of(repeated, ANALYZER)))
                .isEqualTo(DirectQueryEvaluator.UNKNOWN);

        try (PaperMatcher matcher = PaperMatcher.create()) {
            matcher.upsert(SubscriptionSpec.ofQuery("s", "abstract:\"spin model spin\"~2"));

            assertThat(matcher.match(repeated)).extracting(SubscriptionMatch::subscriptionId).containsExactly("s");
            assertThat(matcher.match(once)).isEmpty();
            assertThat(matcher.luceneFallbacks()).isEqualTo(2);
        }
    }

    @Test
    void shouldFindATitleQueryWhoseTermIsOnlyInTheTitle() throws IOException {
        EnrichedPaper inTitle = TestPapers.paper("t:a", "Superconductivity in cuprates", "We measure things.",
                List.of("Ada Lovelace"), List.of("cond-mat.supr-con"), List.of(), List.of(), 0);
        EnrichedPaper inAbstract = TestPapers.paper("t:b", "Measurements", "Superconductivity in cuprates.",
                List.of("Ada Lovelace"), List.of("cond-mat.supr-con"), List.of(), List.of(), 0);
        try (PaperMatcher matcher = PaperMatcher.create()) {
            matcher.upsertAll(List.of(SubscriptionSpec.ofQuery("title", "title:supercond*"),
                    SubscriptionSpec.ofQuery("kw", "keywords:cuprate")));

            assertThat(matcher.match(inTitle)).extracting(SubscriptionMatch::subscriptionId).containsExactly("title");
            // The folded presearcher lets the title query through for the abstract's word; the check refuses it.
            assertThat(matcher.match(inAbstract)).isEmpty();
            assertThat(matcher.stats().candidateQueries()).isGreaterThanOrEqualTo(2);
        }
    }

    private static String randomText(Random random, String[] words, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return text.toString();
    }
}
