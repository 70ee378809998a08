package io.paperwire.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.schemas.EnrichedPaper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The matcher's answers equal those of a plain Lucene index search over the same papers with the same analysers,
 * for seeded random queries: generated ones and ones built from the papers' own words (so that many match).
 * Runs over the shared arXiv sample where present, else over the fixtures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingSemanticsTest {

    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z]{4,}\\b");

    private List<EnrichedPaper> papers;
    private Map<String, String> queries;
    private Map<String, Set<String>> expected;

    @BeforeAll
    void searchAPlainIndex() throws IOException {
        papers = TestPapers.arxivSample().map(all -> all.subList(0, 400)).orElseGet(TestPapers::fixtures);
        queries = randomQueries(new Random(20260101), papers, 300);
        expected = plainIndexSearch(papers, queries);
        long matchingPairs = expected.values().stream().mapToLong(Set::size).sum();
        assertThat(matchingPairs).as("the random queries must match something to mean anything")
                .isGreaterThan(papers.size() / 2);
    }

    enum Setting {
        DIRECT_MULTIPASS(PaperMatcher.Verification.DIRECT, PaperMatcher.PresearcherKind.MULTIPASS, 1),
        DIRECT_TERM_FILTERED_BATCHED(PaperMatcher.Verification.DIRECT, PaperMatcher.PresearcherKind.TERM_FILTERED, 16),
        LUCENE_MULTIPASS_BATCHED(PaperMatcher.Verification.LUCENE, PaperMatcher.PresearcherKind.MULTIPASS, 16);

        final PaperMatcher.Verification verification;
        final PaperMatcher.PresearcherKind presearcher;
        final int batch;

        Setting(PaperMatcher.Verification verification, PaperMatcher.PresearcherKind presearcher, int batch) {
            this.verification = verification;
            this.presearcher = presearcher;
            this.batch = batch;
        }
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void shouldMatchExactlyWhatAPlainIndexSearchFinds(Setting setting) throws IOException {
        Map<String, Set<String>> actual = new HashMap<>();
        queries.keySet().forEach(id -> actual.put(id, new TreeSet<>()));
        try (PaperMatcher matcher = PaperMatcher.builder().verification(setting.verification)
                .presearcher(setting.presearcher).batchSize(setting.batch).build()) {
            List<SubscriptionSpec> specs = new ArrayList<>();
            queries.forEach((id, query) -> specs.add(SubscriptionSpec.ofQuery(id, query)));
            matcher.upsertAll(specs);
            for (PaperMatches result : matcher.match(papers)) {
                for (SubscriptionMatch match : result.matches()) {
                    actual.get(match.subscriptionId()).add(match.paperKey());
                    assertThat(match.reasons()).as("reasons of %s", queries.get(match.subscriptionId()))
                            .isNotEmpty();
                }
            }
        }
        for (String id : queries.keySet()) {
            assertThat(actual.get(id)).as("papers matching %s", queries.get(id)).isEqualTo(expected.get(id));
        }
    }

    /**
     * Every kind of query the presearcher treats specially, built from the papers' own words so that they match:
     * prefixes of 2 to 12 characters on several fields (longer than the presearcher's cut, too), wildcards, exact
     * and sloppy phrases, NOT clauses and field-restricted terms. The prefix queries are registered after papers
     * were already matched, so the presearcher must learn their fields and lengths as they come.
     */
    @Test
    void shouldMatchPrefixWildcardPhraseNotAndFieldQueriesAsAPlainIndexSearch() throws IOException {
        Random random = new Random(77);
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, String> later = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            EnrichedPaper paper = papers.get(random.nextInt(papers.size()));
            List<String> titleWords = words(paper.getPaper().getTitle());
            List<String> abstractWords = words(paper.getPaper().getAbstractText());
            String titleWord = titleWords.get(random.nextInt(titleWords.size())).toLowerCase(Locale.ROOT);
            String abstractWord = abstractWords.get(random.nextInt(abstractWords.size())).toLowerCase(Locale.ROOT);
            String category = paper.getPaper().getCategories().get(0).toLowerCase(Locale.ROOT);
            int length = 2 + i % 11;
            first.put("term" + i, "title:" + titleWord + " AND NOT categories:" + category);
            first.put("phrase" + i, "abstract:\"" + String.join(" ", abstractWords.subList(0,
                    Math.min(2, abstractWords.size()))) + "\"");
            later.put("prefix" + i, "title:" + titleWord.substring(0, Math.min(length, titleWord.length())) + "*");
            later.put("textPrefix" + i, abstractWord.substring(0, Math.min(length, abstractWord.length())) + "*");
            later.put("category" + i, "categories:" + category.substring(0, Math.min(length, category.length()))
                    + "* AND NOT " + abstractWord);
            if (abstractWord.length() >= 4) {
                later.put("wildcard" + i, "abstract:" + abstractWord.substring(0, 2) + "?"
                        + abstractWord.substring(3));
            }
            later.put("sloppy" + i, "\"" + String.join(" ", abstractWords.subList(0,
                    Math.min(3, abstractWords.size()))) + "\"~2 AND -categories:zz.*");
        }
        first.values().removeIf(q -> !isValid(q));
        later.values().removeIf(q -> !isValid(q));
        Map<String, String> all = new LinkedHashMap<>(first);
        all.putAll(later);
        Map<String, Set<String>> plain = plainIndexSearch(papers, all);
        assertThat(plain.values().stream().mapToLong(Set::size).sum()).isGreaterThan(papers.size());

        Map<String, Set<String>> actual = new HashMap<>();
        all.keySet().forEach(id -> actual.put(id, new TreeSet<>()));
        try (PaperMatcher matcher = PaperMatcher.create()) {
            List<SubscriptionSpec> specs = new ArrayList<>();
            first.forEach((id, query) -> specs.add(SubscriptionSpec.ofQuery(id, query)));
            matcher.upsertAll(specs);
            matcher.match(papers.subList(0, 20));
            later.forEach((id, query) -> matcher.upsert(SubscriptionSpec.ofQuery(id, query)));
            for (PaperMatches result : matcher.match(papers)) {
                result.matches().forEach(m -> actual.get(m.subscriptionId()).add(m.paperKey()));
            }
        }
        for (String id : all.keySet()) {
            assertThat(actual.get(id)).as("papers matching %s", all.get(id)).isEqualTo(plain.get(id));
        }
    }

    private static boolean isValid(String query) {
        try {
            SubscriptionQuery.parse(query);
            return true;
        } catch (QueryValidationException e) {
            return false;
        }
    }

    @SuppressWarnings("deprecation") // the plain collector search, as Monitor does it
    private static Map<String, Set<String>> plainIndexSearch(List<EnrichedPaper> papers,
                                                             Map<String, String> queries) throws IOException {
        PaperAnalyzer analyzer = new PaperAnalyzer();
        Map<String, Set<String>> results = new LinkedHashMap<>();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (EnrichedPaper paper : papers) {
                    writer.addDocument(PaperDocument.of(paper, analyzer).toLuceneDocument());
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (Map.Entry<String, String> query : queries.entrySet()) {
                    Set<String> keys = new TreeSet<>();
                    searcher.search(SubscriptionQuery.parse(query.getValue()).query(), new SimpleCollector() {
                        private int docBase;

                        @Override
                        protected void doSetNextReader(LeafReaderContext context) {
                            docBase = context.docBase;
                        }

                        @Override
                        public void setScorer(Scorable scorer) {
                        }

                        @Override
                        public void collect(int doc) {
                            keys.add(papers.get(docBase + doc).getPaper().getKey());
                        }

                        @Override
                        public ScoreMode scoreMode() {
                            return ScoreMode.COMPLETE_NO_SCORES;
                        }
                    });
                    results.put(query.getKey(), keys);
                }
            }
        }
        analyzer.close();
        return results;
    }

    /** Half generated subscriptions, half queries made of the papers' own words, categories and authors. */
    static Map<String, String> randomQueries(Random random, List<EnrichedPaper> papers, int count) {
        Map<String, String> queries = new LinkedHashMap<>();
        SubscriptionGenerator generator = new SubscriptionGenerator(random.nextLong());
        while (queries.size() < count / 2) {
            queries.put("g" + queries.size(), generator.nextQuery());
        }
        while (queries.size() < count) {
            EnrichedPaper paper = papers.get(random.nextInt(papers.size()));
            List<String> words = words(paper.getPaper().getTitle() + " " + paper.getPaper().getAbstractText());
            List<String> titleWords = words(paper.getPaper().getTitle());
            String word = words.get(random.nextInt(words.size()));
            String other = words(papers.get(random.nextInt(papers.size())).getPaper().getAbstractText()).get(0);
            String category = paper.getPaper().getCategories().get(0);
            String surname = lastWord(paper.getPaper().getAuthors().get(0).getName());
            String query = switch (random.nextInt(9)) {
                case 0 -> titleWords.size() >= 2 ? "title:\"" + titleWords.get(0) + " " + titleWords.get(1) + "\""
                        : "title:" + word;
                case 1 -> word + " AND " + other;
                case 2 -> word + " OR " + other;
                case 3 -> "categories:" + category + " AND NOT " + word;
                case 4 -> "authors:\"" + surname + "\"";
                case 5 -> "abstract:" + word.substring(0, Math.min(word.length(), 4)) + "*";
                case 6 -> "categories:" + category.split("[.-]")[0] + "* AND " + other;
                case 7 -> "\"" + String.join(" ", words.subList(Math.min(2, words.size() - 1),
                        Math.min(5, words.size()))) + "\"~2";
                default -> "(" + word + " OR " + other + ") AND -categories:" + category;
            };
            try {
                SubscriptionQuery.parse(query);
                queries.put("w" + queries.size(), query);
            } catch (QueryValidationException e) {
                // e.g. only stop words: not a query a subscriber could save, so not one to compare
            }
        }
        return queries;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (!w.equals("AND") && !w.equals("NOT")) {
                words.add(w);
            }
        }
        return words.isEmpty() ? List.of("paper") : words;
    }

    private static String lastWord(String name) {
        String[] parts = name.replaceAll("[^\\p{L} ]", " ").trim().split("\\s+");
        return parts.length == 0 || parts[parts.length - 1].isEmpty() ? "Smith" : parts[parts.length - 1];
    }
}
