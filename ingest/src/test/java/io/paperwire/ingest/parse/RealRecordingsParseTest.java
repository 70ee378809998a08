package io.paperwire.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.ingest.parse.ParseResult.ParsedPaper;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.SignalKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every parser on the real recordings in ../shared/data (skipped with a reason when absent). */
class RealRecordingsParseTest {

    private static Paper paper(Page page, String id) {
        return page.papers().stream().map(ParsedPaper::paper).filter(p -> p.getArxivId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no paper " + id + " in " + page.results()));
    }

    @Test
    void oaiListRecordsInArxivPrefixGivesBothRecordsWithAffiliationsAndTheOldStyleId() {
        Page page = RealRecordings.parse(new OaiPmhParser(),
                "fixtures/oai-pmh/arxiv_ListRecords_arXiv_2015-01-01_2015-01-03.xml");
        assertThat(page.errors()).isEmpty();
        assertThat(page.papers()).hasSize(2);
        assertThat(page.resumptionToken()).isEmpty();

        Paper kochen = paper(page, "1412.8544");
        assertThat(kochen.getKey()).isEqualTo("arxiv:1412.8544");
        assertThat(kochen.getSource()).isEqualTo("arxiv-oai");
        assertThat(kochen.getAuthors()).containsExactly(new Author("Sander Uijlen", "Radboud Universiteit"),
                new Author("Bas Westerbaan", "Radboud Universiteit"));
        assertThat(kochen.getCategories()).containsExactly("cs.DM");
        assertThat(kochen.getDoi()).isEqualTo("10.4204/EPTCS.172.11");
        assertThat(kochen.getJournalRef()).isEqualTo("EPTCS 172, 2014, pp. 154-164");
        assertThat(kochen.getLicense()).isEqualTo("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
        assertThat(kochen.getAbstractText()).startsWith("At the heart of the Conway-Kochen").doesNotContain("\n")
                .doesNotContain("  ");
        assertThat(kochen.getFirstPublishedAt()).isEqualTo(Instant.parse("2014-12-29T00:00:00Z"));
        assertThat(kochen.getVersion()).isEqualTo(1);

        Paper old = paper(page, "hep-th/9504118");
        assertThat(old.getKey()).isEqualTo("arxiv:hep-th/9504118");
        assertThat(old.getAbstractText()).contains("'{\\it cellular network}'").contains("\"strength\"");
        assertThat(old.getTitlePlain()).isNull();
        assertThat(old.getContentHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void oaiGetRecordReadsTheSingleRecord() {
        Page page = RealRecordings.parse(new OaiPmhParser(), "fixtures/oai-pmh/arxiv_GetRecord_arXiv_1412.8544.xml");
        assertThat(page.errors()).isEmpty();
        assertThat(page.papers()).extracting(p -> p.paper().getKey()).containsExactly("arxiv:1412.8544");
    }

    @Test
    void oaiDublinCorePageCarriesTheResumptionTokenAndFiveRecords() {
        Page page = RealRecordings.parse(new OaiPmhParser(),
                "fixtures/oai-pmh/arxiv_ListRecords_oai_dc_set-cs_from-2024-01-25_page1_trimmed-with-resumptionToken.xml");
        assertThat(page.errors()).isEmpty();
        assertThat(page.papers()).hasSize(5);
        assertThat(page.resumptionToken()).contains("6960524|1001");
        assertThat(page.totalResults()).hasValue(1162);
        assertThat(page.cursor()).hasValue(0);
        Paper first = paper(page, "1303.2033");
        assertThat(first.getAuthors()).extracting(Author::getName).containsExactly("Vilnis Liepins");
        assertThat(first.getComments()).isEqualTo("32 pages, 9 figures");
        assertThat(first.getVersion()).isEqualTo(2);
        assertThat(first.getFirstPublishedAt()).isEqualTo(Instant.parse("2013-03-08T00:00:00Z"));
    }

    @Test
    void oaiResponsesWithoutRecordsAreEmptyOrAnErrorButNeverThrow() {
        Page identifiers = RealRecordings.parse(new OaiPmhParser(),
                "fixtures/oai-pmh/arxiv_ListIdentifiers_arXiv_2009-01-01_2009-01-02.xml");
        assertThat(identifiers.results()).isEmpty();
        Page unavailable = RealRecordings.parse(new OaiPmhParser(),
                "fixtures/oai-pmh/arxiv_ListRecords_arXiv_2015-01-01_2015-01-03_http503_retry.html");
        assertThat(unavailable.papers()).isEmpty();
        assertThat(unavailable.feedError()).hasValueSatisfying(
                message -> assertThat(message).contains("<html>").contains("Retry after 10 seconds"));
        assertThat(unavailable.errors()).hasSize(1);
    }

    @Test
    void apiPagesHaveTheirSizesAndTotals() {
        Map<String, Integer> sizes = Map.of("query_all-testing_start0_max10.xml", 10,
                "query_all-testing_start10_max10.xml", 10, "query_all-testing_start0_max100.xml", 100,
                "idlist_1707.08567.xml", 1, "idlist_0808.05394_1707.08567.xml", 1,
                "idlist_0808.05394_no-results.xml", 0, "legacy2016_query_au-del_maestro_start0_max10.xml", 10,
                "legacy2016_idlist_1111.2011v2.xml", 1);
        sizes.forEach((file, size) -> {
            Page page = RealRecordings.parse(new ArxivApiParser(), "fixtures/arxiv-api/" + file);
            assertThat(page.errors()).as(file).isEmpty();
            assertThat(page.papers()).as(file).hasSize(size);
        });
        Page second = RealRecordings.parse(new ArxivApiParser(), "fixtures/arxiv-api/query_all-testing_start10_max10.xml");
        assertThat(second.totalResults()).hasValue(214881);
        assertThat(second.cursor()).hasValue(10);
        Page legacy = RealRecordings.parse(new ArxivApiParser(),
                "fixtures/arxiv-api/legacy2016_query_au-del_maestro_start0_max10.xml");
        assertThat(legacy.totalResults()).hasValue(31);
    }

    @Test
    void apiEntryGivesIdVersionMojibakeAndLinks() {
        Page page = RealRecordings.parse(new ArxivApiParser(), "fixtures/arxiv-api/idlist_1707.08567.xml");
        Paper paper = paper(page, "1707.08567");
        assertThat(paper.getVersion()).isEqualTo(1);
        assertThat(paper.getAuthors()).hasSize(34);
        assertThat(paper.getAuthors()).extracting(Author::getName).contains("Dirk WÃ¼bben");
        assertThat(paper.getPrimaryCategory()).isEqualTo("cs.IT");
        assertThat(paper.getLinks().getPdf()).isEqualTo("https://arxiv.org/pdf/1707.08567v1");
        assertThat(paper.getLinks().getAbstractPage()).isEqualTo("https://arxiv.org/abs/1707.08567v1");
        assertThat(paper.getComments()).startsWith("44 pages");
    }

    @Test
    void legacyApiEntryReadsNamespacedFieldsAndOffsetDates() {
        Page page = RealRecordings.parse(new ArxivApiParser(), "fixtures/arxiv-api/legacy2016_idlist_1111.2011v2.xml");
        Paper paper = paper(page, "1111.2011");
        assertThat(paper.getVersion()).isEqualTo(2);
        assertThat(paper.getTitle())
                .isEqualTo("Quantum Criticality for Extended Nodes on a Bethe Lattice in the Large Connectivity Limit");
        assertThat(paper.getDoi()).isEqualTo("10.1103/PhysRevB.85.115117");
        assertThat(paper.getJournalRef()).isEqualTo("Phys. Rev. B 85, 115117 (2012)");
        assertThat(paper.getCategories()).containsExactly("cond-mat.str-el", "cond-mat.stat-mech");
        assertThat(paper.getFirstPublishedAt()).isEqualTo(Instant.parse("2011-11-08T18:48:36Z"));
        assertThat(paper.getVersionPublishedAt()).isEqualTo(Instant.parse("2012-04-02T12:38:54Z"));
    }

    @Test
    void apiAffiliationsAndOldStyleIdsAreRead() {
        Page hundred = RealRecordings.parse(new ArxivApiParser(), "fixtures/arxiv-api/query_all-testing_start0_max100.xml");
        assertThat(hundred.papers().stream().flatMap(p -> p.paper().getAuthors().stream()))
                .contains(new Author("Marie-Claude Gaudel", "LRI"), new Author("Pascale Le Gall", "IBISC"));
        Page legacy = RealRecordings.parse(new ArxivApiParser(),
                "fixtures/arxiv-api/legacy2016_query_au-del_maestro_start0_max10.xml");
        assertThat(legacy.papers()).extracting(p -> p.paper().getKey()).contains("arxiv:cond-mat/0412498");
    }

    @Test
    void apiErrorFeedIsAnErrorNeverAPaper() {
        Page page = RealRecordings.parse(new ArxivApiParser(), "fixtures/arxiv-api/idlist_abc_http400_error.xml");
        assertThat(page.papers()).isEmpty();
        assertThat(page.feedError()).hasValueSatisfying(message -> assertThat(message)
                .contains("incorrect id format for abc").contains("api/errors#incorrect_id_format_for_abc"));
        assertThat(page.errors()).hasSize(1);
        assertThat(page.errors().get(0).raw()).isNotEmpty();
    }

    @Test
    void rssDailyFeedHasEveryItemWithItsAnnounceType() {
        Page page = RealRecordings.parse(new ArxivFeedParser(), "fixtures/rss/rss_all-archives_2024-11-28.xml");
        assertThat(page.errors()).isEmpty();
        assertThat(page.papers()).hasSize(1504);
        Map<AnnounceType, Long> byType = page.papers().stream()
                .collect(Collectors.groupingBy(p -> p.announceType().orElseThrow(), Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(
                Map.of(AnnounceType.NEW, 926L, AnnounceType.REPLACE, 569L, AnnounceType.CROSS, 9L));
        Map<String, Paper> byId = page.papers().stream().map(ParsedPaper::paper)
                .collect(Collectors.toMap(Paper::getArxivId, Function.identity()));

        Paper replaced = byId.get("1712.07645");
        assertThat(replaced.getVersion()).isEqualTo(2);
        assertThat(replaced.getCategories()).containsExactly("nucl-th", "hep-ph");
        assertThat(replaced.getPrimaryCategory()).isEqualTo("nucl-th");
        assertThat(replaced.getDoi()).isEqualTo("10.1134/S1547477118030159");
        assertThat(replaced.getJournalRef()).isEqualTo("Phys. Part. Nucl. Lett. 15(3), 225-229 (2018)");
        assertThat(replaced.getAuthors()).hasSize(6);
        assertThat(replaced.getAbstractText()).startsWith("We estimate the chemical freeze-out")
                .doesNotContain("Announce Type");
        assertThat(replaced.getFirstPublishedAt()).isNull();
        assertThat(replaced.getVersionPublishedAt()).isEqualTo(Instant.parse("2024-11-28T05:00:00Z"));

        Paper fresh = byId.get("2411.17700");
        assertThat(fresh.getVersion()).isEqualTo(1);
        assertThat(fresh.getLicense()).isEqualTo("http://creativecommons.org/licenses/by/4.0/");
        assertThat(fresh.getFirstPublishedAt()).isEqualTo(Instant.parse("2024-11-28T05:00:00Z"));
        assertThat(fresh.getLinks().getAbstractPage()).isEqualTo("https://arxiv.org/abs/2411.17700");
    }

    @Test
    void rssCreatorsWithAffiliationsInParenthesesAreSplitIntoAuthors() {
        Page page = RealRecordings.parse(new ArxivFeedParser(), "fixtures/rss/rss_all-archives_2024-11-28.xml");
        List<Author> authors = page.papers().stream().flatMap(p -> p.paper().getAuthors().stream())
                .filter(a -> a.getName().equals("Tianliang Yan")).toList();
        assertThat(authors).isNotEmpty();
        assertThat(authors.get(0).getAffiliation()).startsWith("University of Birmingham");
        assertThat(page.papers()).allSatisfy(p -> assertThat(p.paper().getAuthors()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getName()).doesNotContain("(").doesNotStartWith("and ")));
    }

    @Test
    void rssEmptyChannelIsAnEmptyPageAndTheErrorChannelIsAnError() {
        Page empty = RealRecordings.parse(new ArxivFeedParser(), "fixtures/rss/rss_test-archive_empty_2024-11-28.xml");
        assertThat(empty.results()).isEmpty();
        assertThat(empty.feedError()).isEmpty();
        Page bad = RealRecordings.parse(new ArxivFeedParser(), "fixtures/rss/rss_bad-archive-astroph_error_2024-11-28.xml");
        assertThat(bad.papers()).isEmpty();
        assertThat(bad.feedError()).hasValueSatisfying(m -> assertThat(m).contains("Bad archive 'astroph'"));
        assertThat(bad.errors()).hasSize(1);
    }

    @Test
    void hfDailyGivesTwentyNinePapersAndTheirSignals() {
        Page page = RealRecordings.parse(new HfDailyParser(), "fixtures/hf-daily-papers/daily_papers_2024-10-25.json");
        assertThat(page.errors()).isEmpty();
        assertThat(page.papers()).hasSize(29);
        assertThat(page.signals()).hasSize(58);
        Paper top = paper(page, "2410.17243");
        assertThat(top.getSource()).isEqualTo("hf-daily");
        assertThat(top.getTitle()).doesNotContain("\n").doesNotContain("  ").startsWith("Breaking the Memory Barrier");
        assertThat(top.getAuthors().get(0).getName()).isEqualTo("Zesen Cheng");
        assertThat(top.getFirstPublishedAt()).isEqualTo(Instant.parse("2024-10-22T17:59:30Z"));
        assertThat(page.signals()).filteredOn(s -> s.signal().getPaperKey().equals("arxiv:2410.17243"))
                .extracting(s -> s.signal().getKind() + "=" + s.signal().getCount())
                .containsExactly("UPVOTE=64", "COMMENT=3");
        long upvotes = page.signals().stream().filter(s -> s.signal().getKind() == SignalKind.UPVOTE)
                .mapToLong(s -> s.signal().getCount()).max().orElseThrow();
        assertThat(upvotes).isEqualTo(64);
    }

    @Test
    void snapshotSampleGivesAThousandPapersWithItsQuirksKept() throws Exception {
        Path path = RealRecordings.path("arxiv-metadata-oai-snapshot.sample1000.jsonl");
        Page page;
        try (var in = Files.newInputStream(path)) {
            page = new SnapshotJsonLinesParser().parse(in, path.toString());
        }
        assertThat(page.errors()).isEmpty();
        assertThat(page.papers()).hasSize(1000);
        Map<String, ParsedPaper> byId = page.papers().stream()
                .collect(Collectors.toMap(p -> p.paper().getArxivId(), Function.identity()));
        Paper first = byId.get("0704.0001").paper();
        assertThat(first.getAuthors()).extracting(Author::getName)
                .containsExactly("C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan");
        assertThat(first.getTitle())
                .isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
        assertThat(first.getAbstractText()).startsWith("A fully differential").doesNotContain("\n");
        assertThat(first.getVersion()).isEqualTo(2);
        assertThat(first.getFirstPublishedAt()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
        assertThat(first.getVersionPublishedAt()).isEqualTo(Instant.parse("2007-07-24T20:10:27Z"));
        assertThat(first.getSourceRef()).endsWith(".jsonl:1");
        assertThat(byId.get("0704.0001").versions()).hasSize(2);
        Paper second = byId.get("0704.0002").paper();
        assertThat(second.getCategories()).containsExactly("math.CO", "cs.CG");
        assertThat(second.getAbstractText()).contains("$(k,\\ell)$-pebble game");
        assertThat(second.getAuthors()).extracting(Author::getName).containsExactly("Ileana Streinu", "Louis Theran");
        assertThat(page.papers()).filteredOn(p -> p.versions().size() == 8).isNotEmpty()
                .allSatisfy(p -> assertThat(p.paper().getVersion()).isEqualTo(8));
        assertThat(page.papers()).filteredOn(p -> p.paper().getDoi() != null).hasSize(663);
        assertThat(page.papers()).filteredOn(p -> p.paper().getJournalRef() != null).hasSize(573);
        assertThat(page.papers()).filteredOn(p -> p.paper().getLicense() != null).hasSize(61);
    }

    @Test
    void snapshotAuthorListsResolveNumberedAffiliations() throws Exception {
        Page page = new SnapshotJsonLinesParser().parse(
                Files.newInputStream(RealRecordings.path("arxiv-metadata-oai-snapshot.sample1000.jsonl")), "sample");
        List<Author> mishchenko = page.papers().stream().map(ParsedPaper::paper)
                .filter(p -> p.getAuthors().stream().anyMatch(a -> a.getName().equals("A. S. Mishchenko")))
                .findFirst().orElseThrow().getAuthors();
        assertThat(mishchenko).hasSize(2);
        assertThat(mishchenko.get(0).getAffiliation()).contains("CREST").contains("Kurchatov");
        assertThat(mishchenko.get(1).getAffiliation()).contains("University of Tokyo");
    }
}
