package io.paperwire.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

    @Test
    void detectsEveryOwnFixture() {
        Map<String, SourceFormat> expected = Map.of("oai-arxivraw-two-pages-page1.xml", SourceFormat.OAI_PMH,
                "oai-error-badargument.xml", SourceFormat.OAI_PMH, "api-two-entries.xml", SourceFormat.ARXIV_API,
                "api-error.xml", SourceFormat.ARXIV_API, "feed-rss-three-items.xml", SourceFormat.ARXIV_FEED,
                "feed-atom-two-entries.xml", SourceFormat.ARXIV_FEED, "hf-daily-three.json", SourceFormat.HF_DAILY,
                "snapshot-five-lines.jsonl", SourceFormat.SNAPSHOT_JSON_LINES);
        expected.forEach((name, format) ->
                assertThat(FormatDetector.detect(OwnFixtures.bytes(name))).as(name).contains(format));
    }

    @Test
    void detectsEveryRealRecording() {
        Map<String, SourceFormat> expected = Map.of(
                "fixtures/oai-pmh/arxiv_ListRecords_arXiv_2015-01-01_2015-01-03.xml", SourceFormat.OAI_PMH,
                "fixtures/arxiv-api/legacy2016_idlist_1111.2011v2.xml", SourceFormat.ARXIV_API,
                "fixtures/arxiv-api/query_all-testing_start0_max10.xml", SourceFormat.ARXIV_API,
                "fixtures/rss/rss_test-archive_empty_2024-11-28.xml", SourceFormat.ARXIV_FEED,
                "fixtures/hf-daily-papers/daily_papers_2024-10-25.json", SourceFormat.HF_DAILY,
                "arxiv-metadata-oai-snapshot.sample1000.jsonl", SourceFormat.SNAPSHOT_JSON_LINES);
        expected.forEach((file, format) ->
                assertThat(FormatDetector.detect(RealRecordings.bytes(file))).as(file).contains(format));
        assertThat(FormatDetector.detect(RealRecordings.bytes(
                "fixtures/oai-pmh/arxiv_ListRecords_arXiv_2015-01-01_2015-01-03_http503_retry.html"))).isEmpty();
    }

    @Test
    void leavesTheStreamReadyForTheParserAndRejectsNonsense() throws Exception {
        byte[] bytes = OwnFixtures.bytes("hf-daily-three.json");
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));
        Optional<SourceFormat> format = FormatDetector.detect(in);
        assertThat(format).contains(SourceFormat.HF_DAILY);
        assertThat(format.get().parser(ParserSettings.defaults()).parse(in, "hf").papers()).hasSize(1);
        assertThat(FormatDetector.detect(new byte[] {1, 2, 3})).isEmpty();
        assertThat(FormatDetector.detect(new byte[0])).isEmpty();
    }
}
