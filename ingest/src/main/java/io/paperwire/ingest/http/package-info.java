/**
 * A polite HTTP client for harvesting: {@link io.paperwire.ingest.http.PoliteHttpClient} keeps a minimum interval
 * between requests to the same host (3 s for arXiv by default), names paperwire and a contact in its
 * {@code User-Agent}, and retries 429 and 503 with exponential backoff that honours {@code Retry-After}. Time goes
 * through an injectable {@link java.time.Clock} and {@link io.paperwire.ingest.http.Sleeper}, so tests run on a
 * controllable clock instead of real waits.
 */
package io.paperwire.ingest.http;
