package io.paperwire.ingest.source;

import io.paperwire.ingest.http.FetchedResponse;
import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.Page;
import io.paperwire.ingest.parse.PaperParser;
import io.paperwire.ingest.parse.ParseResult;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The arXiv announcement feed ({@code rss.arxiv.org/rss/<archives>}, e.g. {@code cs.LG+stat.ML}): one request per
 * poll, the day's listing. Its {@code announce_type}s reach the identity rule: {@code new} is a first sighting,
 * {@code replace} a new version, {@code cross} adds categories to a known paper (merged, never duplicated).
 *
 * <p>Checkpoint: {@code lastFeedDate}, the announcement date (America/New_York) of the newest item published; a feed
 * whose date is not newer was already read and is skipped. An empty feed (a holiday) leaves the checkpoint as it is;
 * the error channel of an unknown archive fails the source.
 */
public final class ArxivFeedSource implements PaperSource {

    public static final URI DEFAULT_BASE_URL = URI.create("https://rss.arxiv.org/rss/");
    /** arXiv announces on New York time. */
    public static final ZoneId ANNOUNCEMENT_ZONE = ZoneId.of("America/New_York");

    static final String LAST_FEED_DATE = "lastFeedDate";

    /**
     * @param baseUrl the feed root, the archive list is appended
     * @param archives archives joined with {@code +}, e.g. {@code cs.LG+stat.ML}
     */
    public record Settings(URI baseUrl, String archives) {
        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (archives == null || archives.isBlank()) {
                throw new IllegalArgumentException("the feed needs at least one archive, e.g. cs.LG+stat.ML");
            }
        }
    }

    private final Settings settings;
    private final PaperParser parser;
    private final HttpPageFetch fetch;

    public ArxivFeedSource(Settings settings, PoliteHttpClient http, PaperParser parser) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.fetch = new HttpPageFetch(http, id());
    }

    @Override
    public String id() {
        return "arxiv-feed:" + settings.archives();
    }

    @Override
    public SourceBatch poll(Map<String, String> checkpoint) throws SourceException, InterruptedException {
        String base = settings.baseUrl().toString();
        URI uri = URI.create((base.endsWith("/") ? base : base + "/") + settings.archives());
        FetchedResponse response = fetch.get(uri);
        Page page = parser.parse(response.bodyStream(), uri.toString());
        if (page.feedError().isPresent()) {
            throw new SourceException(id() + ": the feed " + uri + " reports an error: " + page.feedError().get(),
                    false);
        }
        Optional<LocalDate> feedDate = feedDate(page.results());
        if (feedDate.isEmpty()) {
            return new SourceBatch(uri.toString(), page.results(), checkpoint, true);
        }
        Optional<LocalDate> last = Optional.ofNullable(checkpoint.get(LAST_FEED_DATE)).map(LocalDate::parse);
        if (last.isPresent() && !feedDate.get().isAfter(last.get())) {
            return SourceBatch.empty(uri.toString(), checkpoint, true);
        }
        return new SourceBatch(uri.toString(), page.results(), Map.of(LAST_FEED_DATE, feedDate.get().toString()),
                true);
    }

    /** The announcement date: the latest publication date of the items, in New York. */
    static Optional<LocalDate> feedDate(List<ParseResult> results) {
        return results.stream()
                .filter(ParseResult.ParsedPaper.class::isInstance)
                .map(r -> ((ParseResult.ParsedPaper) r).paper().getVersionPublishedAt())
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .map(at -> at.atZone(ANNOUNCEMENT_ZONE).toLocalDate());
    }
}
