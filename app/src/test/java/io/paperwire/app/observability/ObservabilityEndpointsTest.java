package io.paperwire.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.paperwire.notify.http.NotifyHttpServer;
import org.junit.jupiter.api.Test;

/** The endpoints on a real local HTTP server, with readiness checks made by hand and a registry that is not there. */
class ObservabilityEndpointsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswer503NamingTheFailedChecksAndLivenessRegardless() throws Exception {
        AtomicBoolean streamsRunning = new AtomicBoolean(true);
        URI nothingListens = URI.create("http://localhost:" + freePort());
        Readiness readiness = new Readiness()
                .add(new ReadinessCheck.Named("streams:enrich",
                        () -> new ReadinessCheck.Result(streamsRunning.get(), streamsRunning.get() ? "RUNNING" : "ERROR")));
        NotifyHttpServer server = NotifyHttpServer.start("localhost", 0, 2);
        try (PaperwireMetrics metrics = PaperwireMetrics.create()) {
            new ObservabilityEndpoints(metrics, readiness).registerOn(server);
            URI base = server.url();

            HttpResponse<String> ready = get(base, "/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"status\":\"ready\"").contains("\"failed\":[]");

            streamsRunning.set(false);
            readiness.add(ReadinessCheck.registryReachable(http, nothingListens, Duration.ofMillis(500)));
            HttpResponse<String> notReady = get(base, "/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(notReady.body()).contains("\"status\":\"not ready\"")
                    .contains("\"failed\":[\"streams:enrich\",\"registry\"]")
                    .contains("\"detail\":\"ERROR\"").contains("not reachable at " + nothingListens + "/subjects");

            assertThat(get(base, "/health").statusCode()).isEqualTo(200);
            HttpResponse<String> scrape = get(base, "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("# TYPE paperwire_papers_ingested_total counter");
            assertThat(get(base, "/metrics/other").statusCode()).isEqualTo(404);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/ready"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(405);
        } finally {
            server.close();
        }
    }

    private HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
