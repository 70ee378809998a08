package io.paperwire.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A small JSON-over-HTTP client for tests, on {@link HttpClient}; sends exactly the headers it is given. */
final class RegistryClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RegistryClient(URI base) {
        this.base = base;
    }

    /** A status and a body, with the body readable as JSON. */
    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        int errorCode() {
            return json().path("error_code").asInt(-1);
        }
    }

    /** {@code {"schema": schemaText}} as JSON text. */
    static String schemaBody(String schemaText) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schemaText);
        return body.toString();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response put(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a request built by the caller, with whatever headers it set. */
    Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    /** Registers a schema and returns its id; fails the test on any other answer. */
    int register(String subject, String schemaText) {
        Response response = post("/subjects/" + subject + "/versions", schemaBody(schemaText));
        if (response.status() != 200) {
            throw new AssertionError("registration under " + subject + " failed: " + response);
        }
        return response.json().get("id").asInt();
    }
}
