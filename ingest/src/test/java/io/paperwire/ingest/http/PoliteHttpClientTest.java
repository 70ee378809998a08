package io.paperwire.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperwire.embedded.SharedData;
import io.paperwire.ingest.support.ManualClock;
import io.paperwire.ingest.support.ReplayServer;
import io.paperwire.ingest.support.ReplayServer.Reply;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoliteHttpClientTest {

    private static final String RETRY_503 =
            "data/fixtures/oai-pmh/arxiv_ListRecords_arXiv_2015-01-01_2015-01-03_http503_retry.html";

    private ReplayServer server;
    private ManualClock clock;

    @BeforeEach
    void start() throws Exception {
        server = new ReplayServer();
        clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PoliteHttpClient client(HttpSettings settings) {
        return new PoliteHttpClient(HttpClient.newHttpClient(), settings, clock, clock.sleeper());
    }

    private static HttpSettings settings() {
        return HttpSettings.defaults().withContact("ops@example.org").withMinInterval("127.0.0.1", Duration.ofSeconds(3));
    }

    @Test
    void shouldWaitTheHostIntervalBetweenRequestsButNotBeforeTheFirst() throws Exception {
        server.on("/a", Reply.ok("one".getBytes())).on("/b", Reply.ok("two".getBytes()));
        PoliteHttpClient http = client(settings());

        FetchedResponse first = http.get(server.uri("/a"));
        clock.advance(Duration.ofSeconds(1));
        FetchedResponse second = http.get(server.uri("/b"));

        assertThat(new String(first.body())).isEqualTo("one");
        assertThat(new String(second.body())).isEqualTo("two");
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void shouldNotWaitWhenTheIntervalHasAlreadyPassed() throws Exception {
        server.on("/a", Reply.ok("x".getBytes()));
        PoliteHttpClient http = client(settings());
        http.get(server.uri("/a"));
        clock.advance(Duration.ofSeconds(5));
        http.get(server.uri("/a"));
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void shouldSendAUserAgentNamingPaperwireAndTheContact() throws Exception {
        server.on("/a", Reply.ok("x".getBytes()));
        client(settings()).get(server.uri("/a"));
        assertThat(server.received().get(0).userAgent()).startsWith("paperwire/").contains("(+ops@example.org)");
    }

    @Test
    void shouldHonourRetryAfterSecondsOn429() throws Exception {
        server.on("/a", Reply.status(429, "slow down", Map.of("Retry-After", "17")), Reply.ok("done".getBytes()));
        FetchedResponse response = client(settings()).get(server.uri("/a"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(17));
    }

    @Test
    void shouldHonourRetryAfterAsAnHttpDate() throws Exception {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plusSeconds(42).atZone(ZoneOffset.UTC));
        server.on("/a", Reply.status(503, "", Map.of("Retry-After", at)), Reply.ok("done".getBytes()));
        client(settings()).get(server.uri("/a"));
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(42));
    }

    @Test
    void shouldReadArxivsRetryAfterBodyOnTheRecorded503() throws Exception {
        Optional<Path> recording = SharedData.file(RETRY_503);
        assumeTrue(recording.isPresent(), SharedData.skipReason(RETRY_503));
        Reply recorded = Reply.ok(recording.get());
        server.on("/oai", new Reply(503, Map.of(), recorded.body()), Reply.ok("<OAI-PMH/>".getBytes()));

        FetchedResponse response = client(settings()).get(server.uri("/oai"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void shouldBackOffExponentiallyWithoutRetryAfterAndFailClearlyAfterMaxAttempts() {
        server.on("/a", Reply.status(503, "busy", Map.of()));
        HttpSettings settings = settings().withMaxAttempts(4).withBackoff(Duration.ofSeconds(5), Duration.ofSeconds(15));
        PoliteHttpClient http = client(settings);

        assertThatThrownBy(() -> http.get(server.uri("/a")))
                .isInstanceOf(HttpFetchException.class)
                .hasMessageContaining("failed after 4 attempts")
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining(server.uri("/a").toString());
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(15));
        assertThat(server.received()).hasSize(4);
    }

    @Test
    void shouldReturnOtherErrorStatusesToTheCallerWithoutRetrying() throws Exception {
        server.on("/a", Reply.status(400, "bad id", Map.of()));
        FetchedResponse response = client(settings()).get(server.uri("/a"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void shouldReadRetryAfterForms() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(RetryAfter.fromHeader(Optional.of("120"), now)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.fromHeader(Optional.of("Fri, 27 Nov 2026 10:01:00 GMT"), now))
                .contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.fromHeader(Optional.of("Fri, 27 Nov 2026 09:00:00 GMT"), now)).contains(Duration.ZERO);
        assertThat(RetryAfter.fromHeader(Optional.of("soon"), now)).isEmpty();
        assertThat(RetryAfter.fromBody("Retry after 10 seconds".getBytes())).contains(Duration.ofSeconds(10));
        assertThat(RetryAfter.fromBody("<html>busy</html>".getBytes())).isEmpty();
    }
}
