package io.paperwire.ingest.source;

import io.paperwire.ingest.http.FetchedResponse;
import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.Page;
import io.paperwire.ingest.parse.PaperParser;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * arXiv OAI-PMH harvest: {@code ListRecords} for a metadata prefix ({@code arXiv}, {@code arXivRaw}, {@code oai_dc})
 * and optional set, incremental with {@code from}/{@code until}, one page per poll following {@code resumptionToken}.
 *
 * <p>Checkpoint: {@code from} (the date the next listing starts), {@code resumptionToken} while a listing is under
 * way, {@code requestedFrom}/{@code requestedUntil} (what the user asked, so a different request starts afresh) and
 * {@code harvestStartedOn}. When a listing ends, the next {@code from} is {@code until} when given, else the day
 * the listing started (OAI datestamps are days; re-reading that day is harmless, the identity rule drops repeats).
 * An expired token ({@code badResumptionToken}) restarts the listing from {@code from}; {@code noRecordsMatch} is an
 * empty listing, any other OAI error fails the source.
 */
public final class ArxivOaiSource implements PaperSource {

    /** arXiv's OAI-PMH endpoint. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://oaipmh.arxiv.org/oai");

    /**
     * What to harvest.
     *
     * @param baseUrl the OAI-PMH endpoint
     * @param metadataPrefix {@code arXiv} (default), {@code arXivRaw} (version history) or {@code oai_dc}
     * @param set an OAI set such as {@code cs} or {@code physics:astro-ph}; empty for all of arXiv
     * @param from first datestamp to list; empty to continue from the checkpoint (or list everything)
     * @param until last datestamp to list; empty for up to now
     */
    public record Settings(URI baseUrl, String metadataPrefix, Optional<String> set, Optional<LocalDate> from,
            Optional<LocalDate> until) {
        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(metadataPrefix, "metadataPrefix");
            Objects.requireNonNull(set, "set");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }
    }

    static final String FROM = "from";
    static final String TOKEN = "resumptionToken";
    static final String REQUESTED_FROM = "requestedFrom";
    static final String REQUESTED_UNTIL = "requestedUntil";
    static final String STARTED_ON = "harvestStartedOn";

    private final Settings settings;
    private final PaperParser parser;
    private final Clock clock;
    private final HttpPageFetch fetch;

    public ArxivOaiSource(Settings settings, PoliteHttpClient http, PaperParser parser, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetch = new HttpPageFetch(http, id());
    }

    @Override
    public String id() {
        return "arxiv-oai:" + settings.metadataPrefix() + ":" + settings.set().orElse("all");
    }

    @Override
    public SourceBatch poll(Map<String, String> stored) throws SourceException, InterruptedException {
        Map<String, String> checkpoint = sameRequest(stored) ? new HashMap<>(stored) : new HashMap<>();
        checkpoint.put(REQUESTED_FROM, settings.from().map(LocalDate::toString).orElse(""));
        checkpoint.put(REQUESTED_UNTIL, settings.until().map(LocalDate::toString).orElse(""));
        Optional<String> from = Optional.ofNullable(checkpoint.get(FROM)).filter(s -> !s.isBlank())
                .or(() -> settings.from().map(LocalDate::toString));
        from.ifPresent(f -> checkpoint.put(FROM, f));
        checkpoint.putIfAbsent(STARTED_ON, LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString());

        Map<String, String> query = HttpPageFetch.params();
        query.put("verb", "ListRecords");
        String token = checkpoint.get(TOKEN);
        if (token != null && !token.isBlank()) {
            query.put(TOKEN, token);
        } else {
            query.put("metadataPrefix", settings.metadataPrefix());
            settings.set().ifPresent(s -> query.put("set", s));
            from.ifPresent(f -> query.put("from", f));
            settings.until().ifPresent(u -> query.put("until", u.toString()));
        }
        URI uri = HttpPageFetch.withQuery(settings.baseUrl(), query);
        FetchedResponse response = fetch.get(uri);
        Page page = parser.parse(response.bodyStream(), uri.toString());

        if (page.feedError().isPresent()) {
            String error = page.feedError().get();
            String lower = error.toLowerCase(Locale.ROOT);
            if (lower.contains("norecordsmatch")) {
                return new SourceBatch(uri.toString(), java.util.List.of(), listingDone(checkpoint), true);
            }
            if (lower.contains("badresumptiontoken")) {
                checkpoint.remove(TOKEN);
                return SourceBatch.empty(uri.toString(), checkpoint, false);
            }
            throw new SourceException(id() + ": OAI-PMH error for " + uri + ": " + error, false);
        }
        Optional<String> next = page.resumptionToken().filter(t -> !t.isBlank());
        if (next.isPresent()) {
            checkpoint.put(TOKEN, next.get());
            return new SourceBatch(uri.toString(), page.results(), checkpoint, false);
        }
        return new SourceBatch(uri.toString(), page.results(), listingDone(checkpoint), true);
    }

    private Map<String, String> listingDone(Map<String, String> checkpoint) {
        Map<String, String> done = new HashMap<>(checkpoint);
        done.remove(TOKEN);
        done.put(FROM, settings.until().map(LocalDate::toString).orElse(checkpoint.get(STARTED_ON)));
        done.remove(STARTED_ON);
        return done;
    }

    private boolean sameRequest(Map<String, String> stored) {
        return settings.from().map(LocalDate::toString).orElse("").equals(stored.getOrDefault(REQUESTED_FROM, ""))
                && settings.until().map(LocalDate::toString).orElse("")
                        .equals(stored.getOrDefault(REQUESTED_UNTIL, ""));
    }
}
