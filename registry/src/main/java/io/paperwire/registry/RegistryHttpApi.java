package io.paperwire.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.paperwire.registry.RegistryState.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST face of the registry: Confluent Schema Registry paths and JSON shapes, mapped onto {@link SchemaRegistry}.
 *
 * <p>In: HTTP requests; {@code Accept} and {@code Content-Type} are not enforced and {@code Authorization} is ignored
 * (there is no authentication). Out: JSON with content type {@code application/vnd.schemaregistry.v1+json}; errors as
 * {@code {"error_code":…, "message":…}}. A read that finds nothing first reads the topic to its end and tries once
 * more, so a schema registered through another instance a moment ago is found.
 */
final class RegistryHttpApi implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(RegistryHttpApi.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final SchemaRegistry registry;
    private final ObjectMapper json = new ObjectMapper();

    RegistryHttpApi(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** A parsed request: method, decoded path segments, query parameters, body. */
    private record Request(String method, List<String> path, Map<String, String> query, byte[] body) {
        boolean flag(String name) {
            return Boolean.parseBoolean(query.getOrDefault(name, "false").trim());
        }

        boolean isRead() {
            return method.equals("GET")
                    || (method.equals("POST") && path.size() == 2 && path.get(0).equals("subjects"))
                    || (method.equals("POST") && !path.isEmpty() && path.get(0).equals("compatibility"));
        }
    }

    /** What to send: a status and either a JSON value or raw JSON text. */
    private record Reply(int status, Object body) {
        static Reply ok(Object body) {
            return new Reply(200, body);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                Request request = parse(exchange);
                reply = answer(request);
            } catch (RegistryException e) {
                reply = error(e);
            } catch (RuntimeException e) {
                log.error("unexpected failure answering {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                reply = new Reply(500, errorBody(500, "Internal error: " + e));
            }
            send(exchange, reply);
        }
    }

    private Reply answer(Request request) {
        try {
            return route(request);
        } catch (RegistryException e) {
            if (!e.isContentNotFound() || !request.isRead()) {
                throw e;
            }
            registry.catchUp();
            return route(request);
        }
    }

    private Reply route(Request request) {
        List<String> p = request.path();
        String method = request.method();
        int size = p.size();
        String head = size == 0 ? "" : p.get(0);
        switch (head) {
            case "" -> {
                if (method.equals("GET")) {
                    return Reply.ok(json.createObjectNode());
                }
            }
            case "schemas" -> {
                if (method.equals("GET") && size == 2 && p.get(1).equals("types")) {
                    return Reply.ok(json.createArrayNode().add("AVRO"));
                }
                if (method.equals("GET") && size >= 3 && size <= 4 && p.get(1).equals("ids")) {
                    return schemaById(request, parseId(p.get(2)), size == 4 ? p.get(3) : null);
                }
            }
            case "subjects" -> {
                return subjects(request);
            }
            case "config" -> {
                return config(request);
            }
            case "compatibility" -> {
                if (method.equals("POST") && (size == 4 || size == 5) && p.get(1).equals("subjects")
                        && p.get(3).equals("versions")) {
                    List<String> problems = registry.checkCompatibility(p.get(2), size == 5 ? p.get(4) : null,
                            schemaRequest(request));
                    ObjectNode body = json.createObjectNode().put("is_compatible", problems.isEmpty());
                    if (request.flag("verbose")) {
                        ArrayNode messages = body.putArray("messages");
                        problems.forEach(messages::add);
                    }
                    return Reply.ok(body);
                }
            }
            case "mode" -> {
                if (method.equals("GET") && size == 1) {
                    return Reply.ok(json.createObjectNode().put("mode", "READWRITE"));
                }
            }
            default -> {
                // falls through to "not found"
            }
        }
        throw notFound(request);
    }

    private Reply schemaById(Request request, int id, String tail) {
        if (tail == null) {
            return Reply.ok(json.createObjectNode().put("schema", registry.schemaById(id).text()));
        }
        if (tail.equals("schema")) {
            return new Reply(200, registry.schemaById(id).text());
        }
        if (tail.equals("versions")) {
            ArrayNode body = json.createArrayNode();
            for (Registration r : registry.registrationsOf(id, request.flag("deleted"))) {
                body.addObject().put("subject", r.subject()).put("version", r.version());
            }
            return Reply.ok(body);
        }
        throw notFound(request);
    }

    private Reply subjects(Request request) {
        List<String> p = request.path();
        String method = request.method();
        boolean deleted = request.flag("deleted");
        switch (p.size()) {
            case 1 -> {
                if (method.equals("GET")) {
                    return Reply.ok(json.valueToTree(registry.subjects(deleted)));
                }
            }
            case 2 -> {
                String subject = p.get(1);
                if (method.equals("POST")) {
                    return Reply.ok(registrationBody(registry.lookup(subject, schemaRequest(request), deleted)));
                }
                if (method.equals("DELETE")) {
                    return Reply.ok(json.valueToTree(registry.deleteSubject(subject, request.flag("permanent"))));
                }
            }
            case 3 -> {
                String subject = p.get(1);
                if (p.get(2).equals("versions") && method.equals("GET")) {
                    return Reply.ok(json.valueToTree(registry.versions(subject, deleted)));
                }
                if (p.get(2).equals("versions") && method.equals("POST")) {
                    int id = registry.register(subject, schemaRequest(request));
                    return Reply.ok(json.createObjectNode().put("id", id));
                }
            }
            case 4 -> {
                String subject = p.get(1);
                if (p.get(2).equals("versions") && method.equals("GET")) {
                    return Reply.ok(registrationBody(registry.version(subject, p.get(3), deleted)));
                }
                if (p.get(2).equals("versions") && method.equals("DELETE")) {
                    return Reply.ok(json.getNodeFactory().numberNode(
                            registry.deleteVersion(subject, p.get(3), request.flag("permanent"))));
                }
            }
            case 5 -> {
                String subject = p.get(1);
                if (p.get(2).equals("versions") && method.equals("GET") && p.get(4).equals("schema")) {
                    return new Reply(200, registry.version(subject, p.get(3), deleted).schema().text());
                }
                if (p.get(2).equals("versions") && method.equals("GET") && p.get(4).equals("referencedby")) {
                    registry.version(subject, p.get(3), deleted);
                    return Reply.ok(json.createArrayNode());
                }
            }
            default -> {
                // falls through to "not found"
            }
        }
        throw notFound(request);
    }

    private Reply config(Request request) {
        List<String> p = request.path();
        if (p.size() > 2) {
            throw notFound(request);
        }
        String subject = p.size() == 2 ? p.get(1) : null;
        switch (request.method()) {
            case "GET" -> {
                CompatibilityLevel level = subject == null
                        ? registry.globalCompatibility()
                        : registry.subjectCompatibility(subject, request.flag("defaultToGlobal"));
                return Reply.ok(json.createObjectNode().put("compatibilityLevel", level.name()));
            }
            case "PUT" -> {
                JsonNode body = readObject(request);
                JsonNode level = body.get("compatibility");
                String given = level == null || level.isNull() ? null : level.asText();
                CompatibilityLevel set = registry.setCompatibility(subject, given);
                return Reply.ok(json.createObjectNode().put("compatibility", set.name()));
            }
            case "DELETE" -> {
                CompatibilityLevel previous = registry.deleteCompatibility(subject);
                return Reply.ok(json.createObjectNode().put("compatibilityLevel", previous.name()));
            }
            default -> throw notFound(request);
        }
    }

    private ObjectNode registrationBody(Registration registration) {
        return json.createObjectNode()
                .put("subject", registration.subject())
                .put("version", registration.version())
                .put("id", registration.id())
                .put("schema", registration.schema().text());
    }

    private SchemaRegistry.SchemaRequest schemaRequest(Request request) {
        JsonNode body = readObject(request);
        JsonNode schema = body.get("schema");
        String text;
        if (schema == null || schema.isNull()) {
            throw RegistryException.invalidSchema("Invalid schema: the request body has no \"schema\" field");
        } else if (schema.isTextual()) {
            text = schema.asText();
        } else {
            text = schema.toString();
        }
        JsonNode type = body.get("schemaType");
        JsonNode references = body.get("references");
        boolean hasReferences = references != null && references.isArray() && !references.isEmpty();
        return new SchemaRegistry.SchemaRequest(text, type == null || type.isNull() ? null : type.asText(),
                hasReferences);
    }

    private JsonNode readObject(Request request) {
        if (request.body().length == 0) {
            throw RegistryException.badRequest("The request body is empty; a JSON object is expected");
        }
        try {
            JsonNode node = json.readTree(request.body());
            if (node == null || !node.isObject()) {
                throw RegistryException.badRequest("The request body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RegistryException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryException.badRequest("The request body cannot be read: " + e.getMessage());
        }
    }

    private static int parseId(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound("Schema " + text + " not found");
        }
    }

    private static RegistryException notFound(Request request) {
        return RegistryException.notFound("HTTP 404 Not Found: " + request.method() + " /"
                + String.join("/", request.path()));
    }

    private static Request parse(HttpExchange exchange) {
        List<String> path = new ArrayList<>();
        String rawPath = exchange.getRequestURI().getRawPath();
        for (String segment : (rawPath == null ? "" : rawPath).split("/")) {
            if (!segment.isEmpty()) {
                path.add(decode(segment));
            }
        }
        Map<String, String> query = new HashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            Arrays.stream(rawQuery.split("&")).filter(s -> !s.isEmpty()).forEach(pair -> {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.putIfAbsent(name, value);
            });
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw RegistryException.badRequest("The request body cannot be read: " + e.getMessage());
        }
        return new Request(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT), List.copyOf(path), query,
                body);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RegistryException.badRequest("Malformed percent-encoding in '" + text + "'");
        }
    }

    private Reply error(RegistryException e) {
        if (e.httpStatus() >= 500) {
            log.error("registry store error: {}", e.getMessage(), e.getCause());
        }
        return new Reply(e.httpStatus(), errorBody(e.errorCode(), e.getMessage()));
    }

    private ObjectNode errorBody(int code, String message) {
        return json.createObjectNode().put("error_code", code).put("message", message);
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body() instanceof String raw
                ? raw.getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

