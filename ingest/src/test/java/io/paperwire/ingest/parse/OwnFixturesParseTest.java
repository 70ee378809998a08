package io.paperwire.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.ingest.parse.ParseResult.ParsedPaper;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.SignalKind;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every parser on the project's own fixtures, so the suite means something without ../shared. */
class OwnFixturesParseTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final ParserSettings SETTINGS = ParserSettings.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void arxivRawGivesTheFullVersionHistoryAndPublishesTheLatestVersion() {
        Page page = OwnFixtures.parse(new OaiPmhParser(SETTINGS), "oai-arxivraw-two-pages-page1.xml");
        ParsedPaper parsed = page.papers().get(0);
        Paper paper = parsed.paper();
        assertThat(paper.getKey()).isEqualTo("arxiv:2600.00017");
        assertThat(paper.getVersion()).isEqualTo(3);
        assertThat(parsed.versionExact()).isTrue();
        assertThat(parsed.versions()).extracting(PaperVersion::version).containsExactly(1, 2, 3);
        assertThat(paper.getFirstPublishedAt()).isEqualTo(Instant.parse("2026-01-05T13:00:00Z"));
        assertThat(paper.getVersionPublishedAt()).isEqualTo(Instant.parse("2026-03-01T18:05:12Z"));
        assertThat(paper.getTitle()).isEqualTo("Counting <script> tags: a $\\mathcal{O}(n)$ audit of hand-written fixtures");
        assertThat(paper.getTitlePlain()).isEqualTo("Counting <script> tags: a O(n) audit of hand-written fixtures");
        assertThat(paper.getAbstractText()).startsWith("This fixture was written").contains("$\\alpha$")
                .contains("stay as written. A second paragraph");
        assertThat(paper.getAuthors()).containsExactly(new Author("Vera Kov\\'acs", null),
                new Author("Ugo Sch\\\"afer", null), new Author("Mei Tanaka", "Lakeshore Institute of Technology"));
        assertThat(paper.getCategories()).containsExactly("cs.CR", "cs.SE");
        assertThat(paper.getIngestedAt()).isEqualTo(NOW);
        assertThat(paper.getSourceRef()).isEqualTo("fixtures/oai-arxivraw-two-pages-page1.xml:6");
    }

    @Test
    void oaiPageReportsDeletedRecordsMissingFieldsAndTheResumptionToken() {
        Page first = OwnFixtures.parse(new OaiPmhParser(SETTINGS), "oai-arxivraw-two-pages-page1.xml");
        assertThat(first.papers()).hasSize(1);
        assertThat(first.deleted()).extracting(Page.DeletedRecord::key).containsExactly(Optional.of("arxiv:2600.00018"));
        assertThat(first.errors()).singleElement().satisfies(error -> {
            assertThat(error.message()).isEqualTo("missing required field: abstract (paper math/0101999)");
            assertThat(error.position()).startsWith("record 3 (line ");
            assertThat(new String(error.raw(), java.nio.charset.StandardCharsets.UTF_8)).contains("math/0101999");
        });
        assertThat(first.resumptionToken()).contains("7000001|1001");
        assertThat(first.totalResults()).hasValue(4);

        Page last = OwnFixtures.parse(new OaiPmhParser(SETTINGS), "oai-arxivraw-two-pages-page2.xml");
        assertThat(last.papers()).extracting(p -> p.paper().getKey()).containsExactly("arxiv:2600.00019");
        assertThat(last.resumptionToken()).as("an empty token marks the last page").isEmpty();
        assertThat(last.cursor()).hasValue(1001);
    }

    @Test
    void oaiErrorsAreFeedErrorsExceptNoRecordsMatch() {
        Page bad = OwnFixtures.parse(new OaiPmhParser(SETTINGS), "oai-error-badargument.xml");
        assertThat(bad.feedError()).contains("OAI-PMH error badArgument: Illegal argument: from date is not valid");
        assertThat(bad.errors()).hasSize(1);
        Page none = OwnFixtures.parse(new OaiPmhParser(SETTINGS), "oai-error-norecordsmatch.xml");
        assertThat(none.results()).isEmpty();
        assertThat(none.feedError()).isEmpty();
        assertThat(none.totalResults()).hasValue(0);
    }

    @Test
    void apiEntriesAndTheirErrors() {
        Page page = OwnFixtures.parse(new ArxivApiParser(SETTINGS), "api-two-entries.xml");
        assertThat(page.totalResults()).hasValue(57);
        assertThat(page.cursor()).hasValue(20);
        Paper paper = page.papers().get(0).paper();
        assertThat(paper.getVersion()).isEqualTo(2);
        assertThat(paper.getTitle()).isEqualTo("Markup <b>kept</b> in a hand-written entry");
        assertThat(paper.getCategories()).containsExactly("cs.LG", "stat.ML");
        assertThat(paper.getAuthors()).containsExactly(new Author("Ana Gallo", "University of Northvale"),
                new Author("Jonas Br\\\"uckner", null));
        assertThat(page.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("missing required field: abstract"));
        Page error = OwnFixtures.parse(new ArxivApiParser(SETTINGS), "api-error.xml");
        assertThat(error.papers()).isEmpty();
        assertThat(error.feedError()).hasValueSatisfying(m -> assertThat(m).contains("max_results must be positive"));
    }

    @Test
    void rssItemsGiveAnnounceTypesAndAnUnknownTypeIsAnError() {
        Page page = OwnFixtures.parse(new ArxivFeedParser(SETTINGS), "feed-rss-three-items.xml");
        assertThat(page.papers()).extracting(p -> p.announceType().orElseThrow())
                .containsExactly(AnnounceType.NEW, AnnounceType.REPLACE_CROSS);
        Paper fresh = page.papers().get(0).paper();
        assertThat(fresh.getAuthors()).containsExactly(
                new Author("Olga Petrov", "Eastmoor University, Faculty of Physics"), new Author("Samir Haddad", null),
                new Author("Zofia Novak", null));
        assertThat(fresh.getAbstractText()).isEqualTo(
                "This item was written for paperwire's tests; its abstract follows the marker.");
        assertThat(fresh.getTitlePlain()).isEqualTo("A hand-written feed item about ℓ1 penalties");
        Paper replaced = page.papers().get(1).paper();
        assertThat(replaced.getVersion()).isEqualTo(3);
        assertThat(replaced.getDoi()).isEqualTo("10.5555/paperwire-fixture.3");
        assertThat(page.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("unknown announce type 'sideways'"));
    }

    @Test
    void atomVariantOfTheFeedReadsLikeTheRss() {
        Page page = OwnFixtures.parse(new ArxivFeedParser(SETTINGS), "feed-atom-two-entries.xml");
        assertThat(page.errors()).isEmpty();
        assertThat(page.papers()).extracting(p -> p.paper().getKey() + " v" + p.paper().getVersion() + " "
                + p.announceType().orElseThrow()).containsExactly("arxiv:2600.00041 v1 NEW", "arxiv:2600.00042 v2 CROSS");
        assertThat(page.papers().get(1).paper().getAuthors()).extracting(Author::getName)
                .containsExactly("Rosa Moreau", "Wei Zhang");
        assertThat(page.papers().get(0).paper().getAbstractText())
                .isEqualTo("The Atom variant carries the same description as the RSS item.");
        assertThat(page.papers().get(0).paper().getVersionPublishedAt()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
    }

    @Test
    void hfDailyPapersSignalsAndBadEntries() {
        Page page = OwnFixtures.parse(new HfDailyParser(SETTINGS), "hf-daily-three.json");
        assertThat(page.papers()).extracting(p -> p.paper().getKey()).containsExactly("arxiv:2600.00051");
        Paper paper = page.papers().get(0).paper();
        assertThat(paper.getTitle()).isEqualTo("A hand-written daily paper with a hard line break");
        assertThat(paper.getAuthors()).extracting(Author::getName).containsExactly("Ines Castell", "Bilal Iqbal");
        assertThat(page.signals()).extracting(s -> s.signal().getKind() + "=" + s.signal().getCount() + "@"
                + s.signal().getObservedAt()).containsExactly("UPVOTE=12@" + NOW, "COMMENT=4@" + NOW);
        assertThat(page.signals()).allSatisfy(s -> assertThat(s.signal().getSource()).isEqualTo("hf-daily"));
        assertThat(page.errors()).extracting(ParseResult.ParseError::message).containsExactly(
                "missing required field: abstract (paper 2600.00052)", "field 'upvotes' is not a whole number: \"many\"");
        assertThat(page.errors()).extracting(ParseResult.ParseError::position).allMatch(p -> p.startsWith("entry "));
    }

    @Test
    void hfDailyErrorObjectIsAFeedError() {
        Page page = new HfDailyParser(SETTINGS).parse(
                new ByteArrayInputStream("{\"error\":\"Invalid date\"}".getBytes()), "hf");
        assertThat(page.feedError()).hasValueSatisfying(m -> assertThat(m).contains("Invalid date"));
    }

    @Test
    void snapshotLinesStreamWithByteOffsetsAndGoOnPastBadLines() {
        byte[] bytes = OwnFixtures.bytes("snapshot-five-lines.jsonl");
        List<SnapshotJsonLinesParser.SnapshotLine> lines = new SnapshotJsonLinesParser(SETTINGS)
                .lines(new ByteArrayInputStream(bytes), "snap.jsonl").collect(Collectors.toList());
        assertThat(lines).extracting(SnapshotJsonLinesParser.SnapshotLine::lineNumber).containsExactly(1L, 2L, 4L, 5L, 6L);
        assertThat(lines.get(lines.size() - 1).nextByteOffset()).isEqualTo(bytes.length);
        for (SnapshotJsonLinesParser.SnapshotLine line : lines) {
            assertThat(bytes[(int) line.byteOffset()]).as("line %d starts at its offset", line.lineNumber())
                    .isEqualTo((byte) '{');
        }
        Paper first = ((ParsedPaper) lines.get(0).result()).paper();
        assertThat(first.getVersion()).isEqualTo(3);
        assertThat(first.getAuthors()).extracting(Author::getName)
                .containsExactly("Chiara Esposito", "Dmitri M\\\"oller", "Emeka Mensah");
        assertThat(first.getTitle()).isEqualTo("A hand-written snapshot line with a hard line break and $\\chi^2$ in it");
        assertThat(first.getSourceRef()).isEqualTo("snap.jsonl:1");
        Paper old = ((ParsedPaper) lines.get(1).result()).paper();
        assertThat(old.getKey()).isEqualTo("arxiv:quant-ph/0601999");
        assertThat(old.getAuthors()).containsExactly(new Author("F. Ueda", "Highfield University"),
                new Author("G. Varga", "Highfield University; Westbrook College"));
        assertThat(lines.get(2).result()).isInstanceOfSatisfying(ParseResult.ParseError.class,
                e -> assertThat(e.message()).isEqualTo("missing required field: abstract (paper 2600.00063)"));
        assertThat(lines.get(3).result()).isInstanceOfSatisfying(ParseResult.ParseError.class, e -> {
            assertThat(e.message()).startsWith("malformed JSON");
            assertThat(e.position()).isEqualTo("line 5 (byte offset " + lines.get(3).byteOffset() + ")");
        });
        assertThat(lines.get(4).result()).isInstanceOf(ParsedPaper.class);
    }

    @Test
    void snapshotStreamResumesFromACheckpointOffset() {
        byte[] bytes = OwnFixtures.bytes("snapshot-five-lines.jsonl");
        var parser = new SnapshotJsonLinesParser(SETTINGS);
        var all = parser.lines(new ByteArrayInputStream(bytes), "snap").toList();
        var checkpoint = all.get(1);
        var resumed = parser.lines(new ByteArrayInputStream(bytes, (int) checkpoint.nextByteOffset(),
                bytes.length - (int) checkpoint.nextByteOffset()), "snap", checkpoint.lineNumber() + 1,
                checkpoint.nextByteOffset()).toList();
        assertThat(resumed).extracting(line -> line.result().getClass().getSimpleName())
                .containsExactlyElementsOf(all.subList(2, all.size()).stream().map(l -> l.result().getClass().getSimpleName()).toList());
        assertThat(((ParsedPaper) resumed.get(2).result()).paper())
                .isEqualTo(((ParsedPaper) all.get(4).result()).paper());
        assertThat(resumed).extracting(SnapshotJsonLinesParser.SnapshotLine::lineNumber).containsExactly(4L, 5L, 6L);
        assertThat(resumed).extracting(SnapshotJsonLinesParser.SnapshotLine::byteOffset)
                .containsExactlyElementsOf(all.subList(2, all.size()).stream()
                        .map(SnapshotJsonLinesParser.SnapshotLine::byteOffset).toList());
    }

    @Test
    void abstractOverTheLimitAndInvalidUtf8AreErrorsOfThatRecordOnly() {
        ParserSettings small = SETTINGS.withMaxAbstractBytes(20);
        Page page = OwnFixtures.parse(new SnapshotJsonLinesParser(small), "snapshot-five-lines.jsonl");
        assertThat(page.errors()).extracting(ParseResult.ParseError::message)
                .anyMatch(m -> m.startsWith("abstract too long: ") && m.contains("limit 20"));
        assertThat(page.papers()).extracting(p -> p.paper().getArxivId()).containsExactly("2600.00065");

        byte[] xml = OwnFixtures.bytes("oai-arxivraw-two-pages-page1.xml");
        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("hand-written fixtures");
        byte[] broken = xml.clone();
        broken[text.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8).length] = (byte) 0xC3;
        broken[text.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1] = (byte) 0x28;
        Page xmlPage = new OaiPmhParser(SETTINGS).parse(new ByteArrayInputStream(broken), "broken.xml");
        assertThat(xmlPage.errors()).extracting(ParseResult.ParseError::message)
                .anyMatch(m -> m.startsWith("invalid UTF-8 at byte offset"));
        assertThat(xmlPage.deleted()).hasSize(1);
        assertThat(xmlPage.resumptionToken()).contains("7000001|1001");

        byte[] json = "{\"id\":\"2600.00070\",\"title\":\"t\",\"abstract\":\"bad \u0000\"}\n".getBytes();
        byte[] jsonBroken = java.util.Arrays.copyOf(json, json.length);
        jsonBroken[json.length - 5] = (byte) 0xFF;
        Page jsonPage = new SnapshotJsonLinesParser(SETTINGS).parse(new ByteArrayInputStream(jsonBroken), "bad.jsonl");
        assertThat(jsonPage.errors()).singleElement().satisfies(e -> assertThat(e.message()).containsIgnoringCase("UTF-8"));
    }

    @Test
    void hfSignalsHaveTheirOwnKinds() {
        Page page = OwnFixtures.parse(new HfDailyParser(SETTINGS), "hf-daily-three.json");
        assertThat(page.signals()).extracting(s -> s.signal().getKind()).containsExactly(SignalKind.UPVOTE,
                SignalKind.COMMENT);
    }
}
