package io.paperwire.app.observability;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.paperwire.notify.http.NotifyHttpServer;

/**
 * The three operator endpoints: {@code GET /metrics} (every meter in the Prometheus text format), {@code GET /health}
 * (liveness: 200 while the process serves HTTP) and {@code GET /ready} (readiness: 200 when every check holds,
 * otherwise 503; the JSON body names each check, its result, and the ones that failed). Other methods get 405,
 * other paths under these prefixes 404.
 */
public final class ObservabilityEndpoints {

    /** The content type of the Prometheus text exposition format. */
    public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PaperwireMetrics metrics;
    private final Readiness readiness;
    private final ObjectMapper json = new ObjectMapper();

    public ObservabilityEndpoints(PaperwireMetrics metrics, Readiness readiness) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    /** Serves the endpoints on {@code http}. */
    public void registerOn(NotifyHttpServer http) {
        http.register("/metrics", exact("/metrics", exchange ->
                respond(exchange, 200, PROMETHEUS_TEXT, metrics.scrape())));
        http.register("/health", exact("/health", exchange ->
                respond(exchange, 200, "application/json", "{\"status\":\"up\"}\n")));
        http.register("/ready", exact("/ready", exchange -> {
            Readiness.Report report = readiness.evaluate();
            respond(exchange, report.ready() ? 200 : 503, "application/json", readyBody(report));
        }));
    }

    /** {@code {"status":"ready"|"not ready","failed":[…],"checks":{"broker":{"ok":true,"detail":"…"},…}}}. */
    String readyBody(Readiness.Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.ready() ? "ready" : "not ready");
        body.put("failed", report.failed());
        Map<String, Object> checks = new LinkedHashMap<>();
        report.results().forEach((name, result) -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("ok", result.ok());
            check.put("detail", result.detail());
            checks.put(name, check);
        });
        body.put("checks", checks);
        try {
            return json.writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the readiness report as JSON", e);
        }
    }

    private interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    private static HttpHandler exact(String path, Responder responder) {
        return exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    respond(exchange, 404, "text/plain; charset=utf-8", "not found\n");
                } else if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    respond(exchange, 405, "text/plain; charset=utf-8", "only GET\n");
                } else {
                    responder.respond(exchange);
                }
            }
        };
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
