package io.paperwire.ingest.source;

import io.paperwire.ingest.http.FetchedResponse;
import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.Page;
import io.paperwire.ingest.parse.PaperParser;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * arXiv API query ({@code search_query} and/or {@code id_list}), paged with {@code start}/{@code max_results}, sorted by
 * submission or update date: for backfills and ad-hoc queries. An HTTP 400 answer (the API's error feed, e.g. a
 * malformed id) fails the source with the API's message; it is never read as a paper.
 *
 * <p>Checkpoint: {@code start} (offset of the next page), {@code query} (the request it belongs to; another request
 * starts afresh) and {@code complete} once the last page was read (re-running a complete query starts again at 0,
 * the identity rule drops what was already published).
 */
public final class ArxivApiSource implements PaperSource {

    public static final URI DEFAULT_BASE_URL = URI.create("https://export.arxiv.org/api/query");

    /** The API's sort orders. */
    public enum SortBy {
        SUBMITTED_DATE("submittedDate"), LAST_UPDATED_DATE("lastUpdatedDate"), RELEVANCE("relevance");

        private final String apiValue;

        SortBy(String apiValue) {
            this.apiValue = apiValue;
        }

        public String apiValue() {
            return apiValue;
        }
    }

    /**
     * What to ask.
     *
     * @param baseUrl the API endpoint
     * @param searchQuery e.g. {@code cat:cs.LG}; empty when only ids are asked
     * @param idList arXiv ids to fetch; empty for a search
     * @param pageSize {@code max_results} per request (default 100; arXiv allows up to 2000)
     * @param maxResults how many entries to read in all
     * @param sortBy the sort order, descending
     */
    public record Settings(URI baseUrl, Optional<String> searchQuery, List<String> idList, int pageSize,
            int maxResults, SortBy sortBy) {
        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(searchQuery, "searchQuery");
            idList = List.copyOf(idList);
            if (searchQuery.isEmpty() && idList.isEmpty()) {
                throw new IllegalArgumentException("an arXiv API source needs a search query or an id list");
            }
            if (pageSize < 1 || maxResults < 1) {
                throw new IllegalArgumentException("pageSize and maxResults must be positive");
            }
            Objects.requireNonNull(sortBy, "sortBy");
        }

        String fingerprint() {
            return searchQuery.orElse("") + "|" + String.join(",", idList) + "|" + sortBy.apiValue() + "|"
                    + maxResults;
        }
    }

    static final String START = "start";
    static final String QUERY = "query";
    static final String COMPLETE = "complete";

    private final Settings settings;
    private final PaperParser parser;
    private final HttpPageFetch fetch;

    public ArxivApiSource(Settings settings, PoliteHttpClient http, PaperParser parser) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.fetch = new HttpPageFetch(http, id());
    }

    @Override
    public String id() {
        return "arxiv-api:" + settings.searchQuery().orElse("") + (settings.idList().isEmpty() ? ""
                : "[" + String.join(",", settings.idList()) + "]");
    }

    @Override
    public SourceBatch poll(Map<String, String> stored) throws SourceException, InterruptedException {
        boolean resume = settings.fingerprint().equals(stored.get(QUERY)) && !"true".equals(stored.get(COMPLETE));
        int start = resume ? Integer.parseInt(stored.getOrDefault(START, "0")) : 0;
        int size = Math.min(settings.pageSize(), settings.maxResults() - start);

        Map<String, String> query = HttpPageFetch.params();
        settings.searchQuery().ifPresent(q -> query.put("search_query", q));
        if (!settings.idList().isEmpty()) {
            query.put("id_list", String.join(",", settings.idList()));
        }
        query.put("start", Integer.toString(start));
        query.put("max_results", Integer.toString(size));
        query.put("sortBy", settings.sortBy().apiValue());
        query.put("sortOrder", "descending");
        URI uri = HttpPageFetch.withQuery(settings.baseUrl(), query);
        FetchedResponse response = fetch.get(uri, 400);
        Page page = parser.parse(response.bodyStream(), uri.toString());
        if (response.status() == 400 || page.feedError().isPresent()) {
            throw new SourceException(id() + ": the arXiv API rejected " + uri + " (HTTP " + response.status()
                    + "): " + page.feedError().orElse(response.bodySnippet(200)), false);
        }
        int entries = page.results().size();
        int next = start + entries;
        boolean done = entries == 0 || next >= settings.maxResults()
                || (page.totalResults().isPresent() && next >= page.totalResults().getAsLong());
        Map<String, String> checkpoint = new HashMap<>();
        checkpoint.put(QUERY, settings.fingerprint());
        checkpoint.put(START, Integer.toString(next));
        checkpoint.put(COMPLETE, Boolean.toString(done));
        return new SourceBatch(uri.toString(), page.results(), checkpoint, done);
    }
}
