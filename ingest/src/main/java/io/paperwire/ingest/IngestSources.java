package io.paperwire.ingest;

import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.ArxivApiParser;
import io.paperwire.ingest.parse.ArxivFeedParser;
import io.paperwire.ingest.parse.HfDailyParser;
import io.paperwire.ingest.parse.OaiPmhParser;
import io.paperwire.ingest.parse.ParserSettings;
import io.paperwire.ingest.source.ArxivApiSource;
import io.paperwire.ingest.source.ArxivFeedSource;
import io.paperwire.ingest.source.ArxivOaiSource;
import io.paperwire.ingest.source.FileSource;
import io.paperwire.ingest.source.HfDailySource;
import io.paperwire.ingest.source.PaperSource;
import java.time.Clock;
import java.util.Objects;

/**
 * Builds sources with their parsers and one shared {@link PoliteHttpClient}, so that every source hitting the same
 * host shares its politeness interval. The CLI turns its flags into the sources' settings records and calls these.
 */
public final class IngestSources {

    private final PoliteHttpClient http;
    private final ParserSettings parserSettings;
    private final Clock clock;

    public IngestSources(PoliteHttpClient http, ParserSettings parserSettings, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.parserSettings = Objects.requireNonNull(parserSettings, "parserSettings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PaperSource arxivOai(ArxivOaiSource.Settings settings) {
        return new ArxivOaiSource(settings, http, new OaiPmhParser(parserSettings), clock);
    }

    public PaperSource arxivApi(ArxivApiSource.Settings settings) {
        return new ArxivApiSource(settings, http, new ArxivApiParser(parserSettings));
    }

    public PaperSource arxivFeed(ArxivFeedSource.Settings settings) {
        return new ArxivFeedSource(settings, http, new ArxivFeedParser(parserSettings));
    }

    public PaperSource hfDaily(HfDailySource.Settings settings) {
        return new HfDailySource(settings, http, new HfDailyParser(parserSettings), clock);
    }

    public PaperSource files(FileSource.Settings settings) {
        return new FileSource(settings);
    }
}
