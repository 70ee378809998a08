package io.paperwire.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperwire.embedded.SharedData;
import io.paperwire.ingest.http.HttpSettings;
import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.AnnounceType;
import io.paperwire.ingest.parse.ArxivApiParser;
import io.paperwire.ingest.parse.ArxivFeedParser;
import io.paperwire.ingest.parse.HfDailyParser;
import io.paperwire.ingest.parse.OaiPmhParser;
import io.paperwire.ingest.parse.ParseResult;
import io.paperwire.ingest.support.ManualClock;
import io.paperwire.ingest.support.ReplayServer;
import io.paperwire.ingest.support.ReplayServer.Reply;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every web source against a real local HTTP server replaying recordings, on a controllable clock. */
class WebSourcesTest {

    private ReplayServer server;
    private ManualClock clock;
    private PoliteHttpClient http;

    @BeforeEach
    void start() throws Exception {
        server = new ReplayServer();
        clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
        HttpSettings settings = HttpSettings.defaults().withMinInterval("127.0.0.1", HttpSettings.ARXIV_MIN_INTERVAL);
        http = new PoliteHttpClient(HttpClient.newHttpClient(), settings, clock, clock.sleeper());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Path own(String name) {
        try {
            return Path.of(WebSourcesTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path shared(String relative) {
        Optional<Path> file = SharedData.file(relative);
        assumeTrue(file.isPresent(), SharedData.skipReason(relative));
        return file.get();
    }

    private ArxivOaiSource oai(Optional<LocalDate> from) {
        return new ArxivOaiSource(new ArxivOaiSource.Settings(server.uri("/oai"), "arXivRaw", Optional.of("cs"), from,
                Optional.empty()), http, new OaiPmhParser(), clock);
    }

    @Test
    void oaiShouldFollowTheResumptionTokenAndCheckpointEachPage() throws Exception {
        server.on("/oai?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2026-01-01",
                Reply.ok(own("oai-arxivraw-two-pages-page1.xml")));
        server.on("/oai?verb=ListRecords&resumptionToken=7000001%7C1001",
                Reply.ok(own("oai-arxivraw-two-pages-page2.xml")));
        ArxivOaiSource source = oai(Optional.of(LocalDate.parse("2026-01-01")));

        SourceBatch page1 = source.poll(Map.of());
        assertThat(page1.caughtUp()).isFalse();
        assertThat(page1.results()).hasSize(2);
        assertThat(page1.results()).hasAtLeastOneElementOfType(ParseResult.ParseError.class);
        assertThat(page1.nextCheckpoint()).containsEntry("resumptionToken", "7000001|1001")
                .containsEntry("from", "2026-01-01");

        SourceBatch page2 = source.poll(page1.nextCheckpoint());
        assertThat(page2.caughtUp()).isTrue();
        assertThat(page2.results()).hasSize(1);
        assertThat(page2.nextCheckpoint()).doesNotContainKey("resumptionToken")
                .containsEntry("from", "2026-11-27");
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void oaiShouldResumeFromAStoredTokenAfterARestart() throws Exception {
        server.on("/oai?verb=ListRecords&resumptionToken=7000001%7C1001",
                Reply.ok(own("oai-arxivraw-two-pages-page2.xml")));
        SourceBatch page2 = oai(Optional.of(LocalDate.parse("2026-01-01"))).poll(Map.of("from", "2026-01-01",
                "resumptionToken", "7000001|1001", "requestedFrom", "2026-01-01", "requestedUntil", ""));
        assertThat(page2.results()).hasSize(1);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void oaiShouldTreatNoRecordsMatchAsAnEmptyListingAndOtherErrorsAsFailures() throws Exception {
        server.on("/oai?verb=ListRecords&metadataPrefix=arXivRaw&set=cs",
                Reply.ok(own("oai-error-norecordsmatch.xml")));
        SourceBatch empty = oai(Optional.empty()).poll(Map.of());
        assertThat(empty.results()).isEmpty();
        assertThat(empty.caughtUp()).isTrue();

        server.on("/oai?verb=ListRecords&metadataPrefix=arXivRaw&set=cs&from=2026-02-01",
                Reply.ok(own("oai-error-badargument.xml")));
        assertThatThrownBy(() -> oai(Optional.of(LocalDate.parse("2026-02-01"))).poll(Map.of()))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("badArgument");
    }

    @Test
    void oaiShouldRetryTheRecorded503AndReadTheRealRecords() throws Exception {
        Path busy = shared("data/fixtures/oai-pmh/arxiv_ListRecords_arXiv_2015-01-01_2015-01-03_http503_retry.html");
        Path records = shared("data/fixtures/oai-pmh/arxiv_ListRecords_arXiv_2015-01-01_2015-01-03.xml");
        server.on("/oai?verb=ListRecords&metadataPrefix=arXiv&from=2015-01-01&until=2015-01-03",
                new Reply(503, Map.of(), Reply.ok(busy).body()), Reply.ok(records));
        ArxivOaiSource source = new ArxivOaiSource(new ArxivOaiSource.Settings(server.uri("/oai"), "arXiv",
                Optional.empty(), Optional.of(LocalDate.parse("2015-01-01")),
                Optional.of(LocalDate.parse("2015-01-03"))), http, new OaiPmhParser(), clock);

        SourceBatch batch = source.poll(Map.of());

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(10));
        assertThat(batch.results()).filteredOn(ParseResult.ParsedPaper.class::isInstance)
                .extracting(r -> ((ParseResult.ParsedPaper) r).paper().getKey())
                .containsExactlyInAnyOrder("arxiv:1412.8544", "arxiv:hep-th/9504118");
        assertThat(batch.nextCheckpoint()).containsEntry("from", "2015-01-03");
    }

    @Test
    void oaiShouldFollowTheRealRecordedToken() throws Exception {
        Path page = shared("data/fixtures/oai-pmh/"
                + "arxiv_ListRecords_oai_dc_set-cs_from-2024-01-25_page1_trimmed-with-resumptionToken.xml");
        server.on("/oai?verb=ListRecords&metadataPrefix=oai_dc&set=cs&from=2024-01-25", Reply.ok(page));
        SourceBatch batch = new ArxivOaiSource(new ArxivOaiSource.Settings(server.uri("/oai"), "oai_dc",
                Optional.of("cs"), Optional.of(LocalDate.parse("2024-01-25")), Optional.empty()), http,
                new OaiPmhParser(), clock).poll(Map.of());
        assertThat(batch.results()).hasSize(5);
        assertThat(batch.nextCheckpoint()).containsEntry("resumptionToken", "6960524|1001");
        assertThat(batch.caughtUp()).isFalse();
    }

    private ArxivApiSource api(String query, int pageSize, int max) {
        return new ArxivApiSource(new ArxivApiSource.Settings(server.uri("/api/query"), Optional.of(query),
                List.of(), pageSize, max, ArxivApiSource.SortBy.SUBMITTED_DATE), http, new ArxivApiParser());
    }

    @Test
    void apiShouldPageWithStartUntilTheMaximumWaitingBetweenRequests() throws Exception {
        String base = "/api/query?search_query=testing&start=%d&max_results=10&sortBy=submittedDate&sortOrder=descending";
        server.on(String.format(base, 0), Reply.ok(shared("data/fixtures/arxiv-api/query_all-testing_start0_max10.xml")));
        server.on(String.format(base, 10),
                Reply.ok(shared("data/fixtures/arxiv-api/query_all-testing_start10_max10.xml")));
        ArxivApiSource source = api("testing", 10, 20);

        SourceBatch first = source.poll(Map.of());
        SourceBatch second = source.poll(first.nextCheckpoint());

        assertThat(first.results()).hasSize(10);
        assertThat(first.caughtUp()).isFalse();
        assertThat(first.nextCheckpoint()).containsEntry("start", "10");
        assertThat(second.results()).hasSize(10);
        assertThat(second.caughtUp()).isTrue();
        assertThat(clock.sleeps()).containsExactly(HttpSettings.ARXIV_MIN_INTERVAL);
    }

    @Test
    void apiShouldStopWhenTheResultSetIsExhausted() throws Exception {
        server.on("/api/query?search_query=cat%3Acs.LG&start=0&max_results=100&sortBy=submittedDate&sortOrder=descending",
                Reply.ok(own("api-two-entries.xml")));
        SourceBatch only = api("cat:cs.LG", 100, 1000).poll(Map.of());
        assertThat(only.results()).hasSize(2);
        assertThat(only.caughtUp()).isFalse();
        assertThat(only.nextCheckpoint()).containsEntry("start", "2");
    }

    @Test
    void apiShouldReportTheHttp400ErrorFeedAsAnErrorNotAPaper() {
        Path recorded = SharedData.file("data/fixtures/arxiv-api/idlist_abc_http400_error.xml")
                .orElse(own("api-error.xml"));
        server.on("/api/query", new Reply(400, Map.of(), Reply.ok(recorded).body()));
        ArxivApiSource source = new ArxivApiSource(new ArxivApiSource.Settings(server.uri("/api/query"),
                Optional.empty(), List.of("abc"), 10, 10, ArxivApiSource.SortBy.SUBMITTED_DATE), http,
                new ArxivApiParser());
        assertThatThrownBy(() -> source.poll(Map.of()))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("rejected").hasMessageContaining("HTTP 400");
    }

    private ArxivFeedSource feed(String archives) {
        return new ArxivFeedSource(new ArxivFeedSource.Settings(server.uri("/rss/"), archives), http,
                new ArxivFeedParser());
    }

    @Test
    void feedShouldReadTheDailyListingOnceAndCheckpointItsDate() throws Exception {
        server.on("/rss/astro-ph+cs", Reply.ok(shared("data/fixtures/rss/rss_all-archives_2024-11-28.xml")));
        ArxivFeedSource source = feed("astro-ph+cs");

        SourceBatch day = source.poll(Map.of());
        SourceBatch again = source.poll(day.nextCheckpoint());

        List<ParseResult.ParsedPaper> papers = day.results().stream()
                .filter(ParseResult.ParsedPaper.class::isInstance).map(ParseResult.ParsedPaper.class::cast).toList();
        assertThat(papers).hasSize(1504);
        assertThat(papers).filteredOn(p -> p.announceType().equals(Optional.of(AnnounceType.CROSS))).hasSize(9);
        assertThat(day.nextCheckpoint()).containsEntry("lastFeedDate", "2024-11-28");
        assertThat(again.results()).isEmpty();
        assertThat(again.caughtUp()).isTrue();
    }

    @Test
    void feedShouldLeaveTheCheckpointOnAnEmptyDayAndFailOnABadArchive() throws Exception {
        server.on("/rss/test", Reply.ok(shared("data/fixtures/rss/rss_test-archive_empty_2024-11-28.xml")));
        server.on("/rss/astroph", Reply.ok(shared("data/fixtures/rss/rss_bad-archive-astroph_error_2024-11-28.xml")));

        SourceBatch empty = feed("test").poll(Map.of("lastFeedDate", "2024-11-27"));
        assertThat(empty.results()).isEmpty();
        assertThat(empty.nextCheckpoint()).containsEntry("lastFeedDate", "2024-11-27");
        assertThatThrownBy(() -> feed("astroph").poll(Map.of()))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void feedShouldCarryTheAnnounceTypesOfOwnFixture() throws Exception {
        server.on("/rss/cs.LG+stat.ML", Reply.ok(own("feed-rss-three-items.xml")));
        SourceBatch batch = feed("cs.LG+stat.ML").poll(Map.of());
        assertThat(batch.results()).hasSize(3);
        assertThat(batch.results()).filteredOn(ParseResult.ParsedPaper.class::isInstance)
                .extracting(r -> ((ParseResult.ParsedPaper) r).announceType())
                .contains(Optional.of(AnnounceType.NEW), Optional.of(AnnounceType.REPLACE_CROSS));
    }

    @Test
    void hfDailyShouldYieldPapersAndEngagementSignals() throws Exception {
        server.on("/api/daily_papers?date=2024-10-25",
                Reply.ok(shared("data/fixtures/hf-daily-papers/daily_papers_2024-10-25.json")));
        SourceBatch batch = new HfDailySource(new HfDailySource.Settings(server.uri("/api/daily_papers"),
                Optional.of(LocalDate.parse("2024-10-25")), Optional.empty()), http, new HfDailyParser(), clock)
                .poll(Map.of());
        assertThat(batch.results()).filteredOn(ParseResult.ParsedPaper.class::isInstance).hasSize(29);
        assertThat(batch.results()).filteredOn(ParseResult.ParsedSignal.class::isInstance).hasSizeGreaterThan(29);
        assertThat(batch.caughtUp()).isTrue();
    }

    @Test
    void hfDailyShouldPageWithPAndLimit() throws Exception {
        server.on("/api/daily_papers?date=2026-02-27&p=0&limit=3", Reply.ok(own("hf-daily-three.json")));
        server.on("/api/daily_papers?date=2026-02-27&p=1&limit=3", Reply.ok("[]".getBytes()));
        HfDailySource source = new HfDailySource(new HfDailySource.Settings(server.uri("/api/daily_papers"),
                Optional.of(LocalDate.parse("2026-02-27")), Optional.of(3)), http, new HfDailyParser(), clock);

        SourceBatch first = source.poll(Map.of());
        SourceBatch second = source.poll(first.nextCheckpoint());

        assertThat(first.caughtUp()).isFalse();
        assertThat(first.nextCheckpoint()).containsEntry("page", "1");
        assertThat(second.results()).isEmpty();
        assertThat(second.caughtUp()).isTrue();
    }
}
