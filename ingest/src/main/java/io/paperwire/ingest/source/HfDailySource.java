package io.paperwire.ingest.source;

import io.paperwire.ingest.http.FetchedResponse;
import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.Page;
import io.paperwire.ingest.parse.PaperParser;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hugging Face daily papers ({@code /api/daily_papers?date=YYYY-MM-DD}, paged with {@code p}/{@code limit} when a
 * page size is set): papers keyed by their arXiv id and their upvotes and comment counts as engagement signals.
 *
 * <p>Checkpoint: {@code date} and {@code page} while a paged day is being read. Each run of a day reads it again from
 * the first page, because the counts are observations that grow during the day (papers already published are
 * duplicates for the identity rule; the signals are new observations).
 */
public final class HfDailySource implements PaperSource {

    public static final URI DEFAULT_BASE_URL = URI.create("https://huggingface.co/api/daily_papers");

    static final String DATE = "date";
    static final String PAGE = "page";

    /**
     * @param baseUrl the daily papers endpoint
     * @param date the day to read; empty for today (UTC) at each run
     * @param pageSize entries per request ({@code limit}); empty for one request per day
     */
    public record Settings(URI baseUrl, Optional<LocalDate> date, Optional<Integer> pageSize) {
        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(pageSize, "pageSize");
            pageSize.ifPresent(size -> {
                if (size < 1) {
                    throw new IllegalArgumentException("pageSize must be positive, was " + size);
                }
            });
        }
    }

    private final Settings settings;
    private final PaperParser parser;
    private final Clock clock;
    private final HttpPageFetch fetch;

    public HfDailySource(Settings settings, PoliteHttpClient http, PaperParser parser, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetch = new HttpPageFetch(http, id());
    }

    @Override
    public String id() {
        return "hf-daily";
    }

    @Override
    public SourceBatch poll(Map<String, String> checkpoint) throws SourceException, InterruptedException {
        LocalDate date = settings.date().orElseGet(() -> LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        boolean resume = date.toString().equals(checkpoint.get(DATE)) && checkpoint.containsKey(PAGE);
        int pageNumber = resume ? Integer.parseInt(checkpoint.get(PAGE)) : 0;

        Map<String, String> query = HttpPageFetch.params();
        query.put("date", date.toString());
        settings.pageSize().ifPresent(size -> {
            query.put("p", Integer.toString(pageNumber));
            query.put("limit", Integer.toString(size));
        });
        URI uri = HttpPageFetch.withQuery(settings.baseUrl(), query);
        FetchedResponse response = fetch.get(uri);
        Page page = parser.parse(response.bodyStream(), uri.toString());
        if (page.feedError().isPresent()) {
            throw new SourceException(id() + ": " + uri + " reports an error: " + page.feedError().get(), false);
        }
        int papers = page.papers().size() + page.errors().size();
        boolean more = settings.pageSize().isPresent() && papers >= settings.pageSize().get();
        Map<String, String> next = more
                ? Map.of(DATE, date.toString(), PAGE, Integer.toString(pageNumber + 1))
                : Map.of(DATE, date.toString());
        return new SourceBatch(uri.toString(), page.results(), next, !more);
    }
}
