package io.paperwire.ingest.source;

import io.paperwire.ingest.http.FetchedResponse;
import io.paperwire.ingest.http.HttpFetchException;
import io.paperwire.ingest.http.PoliteHttpClient;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The HTTP step every web source shares: build a query URL, GET it politely, turn transport failures and unexpected
 * statuses into {@link SourceException}s that name the source and the URL.
 */
final class HttpPageFetch {

    private final PoliteHttpClient http;
    private final String sourceId;

    HttpPageFetch(PoliteHttpClient http, String sourceId) {
        this.http = http;
        this.sourceId = sourceId;
    }

    /** {@code base?k1=v1&k2=v2} with values URL-encoded, in the given order; {@code base} may carry a query. */
    static URI withQuery(URI base, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String text = base.toString();
        String separator = text.contains("?") ? "&" : "?";
        return URI.create(query.isEmpty() ? text : text + separator + query);
    }

    static Map<String, String> params() {
        return new LinkedHashMap<>();
    }

    /**
     * GETs {@code uri}; returns any response whose status is in {@code acceptedStatuses} or 2xx.
     *
     * @throws SourceException when retries ran out (retryable) or the status is not accepted (retryable for 5xx)
     */
    FetchedResponse get(URI uri, int... acceptedStatuses) throws SourceException, InterruptedException {
        FetchedResponse response;
        try {
            response = http.get(uri);
        } catch (HttpFetchException e) {
            throw new SourceException(sourceId + ": " + e.getMessage(), true, e);
        }
        if (response.isSuccess()) {
            return response;
        }
        for (int accepted : acceptedStatuses) {
            if (response.status() == accepted) {
                return response;
            }
        }
        throw new SourceException(sourceId + ": GET " + uri + " answered HTTP " + response.status() + ": "
                + response.bodySnippet(200), response.status() >= 500);
    }
}
