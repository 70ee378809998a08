package io.paperwire.notify.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP exchange of the JSON API: reads the body (bounded) and the query parameters, writes JSON or empty
 * responses, and turns an {@link ApiError} into its JSON body. Responses carry {@code nosniff} so a browser never
 * reads them as HTML.
 */
final class JsonExchange {

    /** Largest request body read. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpExchange exchange;

    JsonExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    String method() {
        return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    String path() {
        return exchange.getRequestURI().getPath();
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    Map<String, String> queryParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    byte[] body() throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiError(413, "the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    void requireJsonBody() {
        String type = header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "send the body as Content-Type: application/json");
        }
    }

    void sendJson(int status, Object value) throws IOException {
        byte[] bytes;
        try {
            bytes = value instanceof byte[] raw ? raw : JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response as JSON", e);
        }
        send(status, "application/json; charset=utf-8", bytes);
    }

    void sendError(ApiError error) throws IOException {
        if (error.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"paperwire\"");
        }
        sendJson(error.status(), error.body());
    }

    void sendEmpty(int status) throws IOException {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    void send(int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    void setHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }
}
