package io.paperwire.schemas.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.common.errors.InterruptException;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, with the JDK's {@link HttpClient}.
 *
 * <p>Requests (content type {@value #CONTENT_TYPE}): {@code POST /subjects/{s}/versions} with
 * {@code {"schema": "<schema.toString()>"}} to register; {@code POST /subjects/{s}} with the same body to look up;
 * {@code GET /schemas/ids/{id}}; {@code GET /subjects/{s}/versions/latest}. Errors come back as
 * {@link SchemaRegistryException} carrying the registry's {@code error_code} and message. Answers that cannot change
 * are cached for the client's lifetime: id to schema, and (subject, schema) to id; the latest version of a subject is
 * cached for {@link AvroSerdeConfig#latestCacheTtl()}. Several base URLs are tried in order when one cannot be
 * reached. Thread-safe; share one instance per registry.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistryClient {

  /** The media type Confluent's clients send and accept. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> baseUrls;
  private final Optional<String> authorization;
  private final Duration requestTimeout;
  private final Optional<Duration> latestCacheTtl;
  private final HttpClient http;

  private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema, boolean normalize) {}

  private record CachedLatest(RegisteredSchema schema, long fetchedAtNanos) {}

  /** A client for the registry at {@code baseUrl}, without auth, with default timeouts. */
  public HttpSchemaRegistryClient(URI baseUrl) {
    this(new AvroSerdeConfig(List.of(baseUrl), true, false, false, false, Optional.empty(), Duration.ofSeconds(30),
        Optional.empty()));
  }

  /** A client for the registry configured in {@code config} (URLs, basic auth, timeout, latest-version cache). */
  public HttpSchemaRegistryClient(AvroSerdeConfig config) {
    List<URI> urls = config.requireRegistryUrls();
    Optional<String> userInfo = config.basicAuthUserInfo();
    List<URI> cleaned = new ArrayList<>();
    for (URI url : urls) {
      if (userInfo.isEmpty() && url.getRawUserInfo() != null) {
        userInfo = Optional.of(decode(url.getRawUserInfo()));
      }
      cleaned.add(withoutUserInfoAndTrailingSlash(url));
    }
    this.baseUrls = List.copyOf(cleaned);
    this.authorization = userInfo.map(info ->
        "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
    this.requestTimeout = config.requestTimeout();
    this.latestCacheTtl = config.latestCacheTtl();
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
  }

  /** A client configured from a Kafka-style map with Confluent's keys (see {@link AvroSerdeConfig}). */
  public static HttpSchemaRegistryClient fromConfig(Map<String, ?> configs) {
    return new HttpSchemaRegistryClient(AvroSerdeConfig.from(configs));
  }

  /** The base URLs this client talks to, without credentials. */
  public List<URI> baseUrls() {
    return baseUrls;
  }

  @Override
  public int register(String subject, Schema schema, boolean normalize) {
    SubjectSchema key = new SubjectSchema(subject, schema, normalize);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("POST", "/subjects/" + pathSegment(subject) + "/versions" + normalizeQuery(normalize),
        schemaBody(schema));
    int id = requiredInt(answer, "id", "register under " + subject);
    idsBySubjectSchema.putIfAbsent(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public int lookupId(String subject, Schema schema, boolean normalize) {
    SubjectSchema key = new SubjectSchema(subject, schema, normalize);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("POST", "/subjects/" + pathSegment(subject) + normalizeQuery(normalize),
        schemaBody(schema));
    int id = requiredInt(answer, "id", "look up under " + subject);
    idsBySubjectSchema.putIfAbsent(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = send("GET", "/schemas/ids/" + id, null);
    Schema schema = parseSchema(answer, "schema id " + id);
    Schema previous = schemasById.putIfAbsent(id, schema);
    return previous != null ? previous : schema;
  }

  @Override
  public RegisteredSchema latest(String subject) {
    CachedLatest cached = latestBySubject.get(subject);
    if (cached != null && isFresh(cached)) {
      return cached.schema();
    }
    JsonNode answer = send("GET", "/subjects/" + pathSegment(subject) + "/versions/latest", null);
    String what = "latest version of " + subject;
    RegisteredSchema latest = new RegisteredSchema(
        subject, requiredInt(answer, "version", what), requiredInt(answer, "id", what), parseSchema(answer, what));
    schemasById.putIfAbsent(latest.id(), latest.schema());
    latestBySubject.put(subject, new CachedLatest(latest, System.nanoTime()));
    return latest;
  }

  private boolean isFresh(CachedLatest cached) {
    return latestCacheTtl
        .map(ttl -> System.nanoTime() - cached.fetchedAtNanos() < ttl.toNanos())
        .orElse(true);
  }

  private JsonNode send(String method, String pathAndQuery, String body) {
    SchemaRegistryException unreachable = null;
    for (URI base : baseUrls) {
      URI uri = URI.create(base + pathAndQuery);
      HttpRequest.Builder request = HttpRequest.newBuilder(uri)
          .timeout(requestTimeout)
          .header("Accept", CONTENT_TYPE + ", application/json");
      authorization.ifPresent(value -> request.header("Authorization", value));
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", CONTENT_TYPE);
        request.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      }
      HttpResponse<String> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        SchemaRegistryException failure = new SchemaRegistryException(-1, -1,
            "schema registry " + base + " could not be reached for " + method + " " + pathAndQuery + ": " + e,
            e);
        if (unreachable != null) {
          failure.addSuppressed(unreachable);
        }
        unreachable = failure;
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptException("interrupted while calling schema registry " + base, e);
      }
      return answer(base, method, pathAndQuery, response);
    }
    throw Objects.requireNonNull(unreachable);
  }

  private static JsonNode answer(URI base, String method, String pathAndQuery, HttpResponse<String> response) {
    int status = response.statusCode();
    String text = response.body() == null ? "" : response.body();
    JsonNode json = null;
    try {
      json = text.isBlank() ? null : JSON.readTree(text);
    } catch (JsonProcessingException e) {
      if (status / 100 == 2) {
        throw new SchemaRegistryException(status, -1, "schema registry " + base + " answered " + method + " "
            + pathAndQuery + " with a body that is not JSON: " + abbreviate(text), e);
      }
    }
    if (status / 100 == 2) {
      if (json == null || !json.isObject()) {
        throw new SchemaRegistryException(status, -1, "schema registry " + base + " answered " + method + " "
            + pathAndQuery + " with " + (json == null ? "an empty body" : "non-object JSON: " + abbreviate(text)),
            null);
      }
      return json;
    }
    int errorCode = status;
    String message = abbreviate(text);
    if (json != null && json.isObject()) {
      if (json.path("error_code").canConvertToInt()) {
        errorCode = json.path("error_code").asInt();
      }
      if (json.hasNonNull("message")) {
        message = json.get("message").asText();
      }
    }
    throw new SchemaRegistryException(status, errorCode, "schema registry " + base + " " + method + " "
        + pathAndQuery + " failed: HTTP " + status + ", error_code " + errorCode + ": " + message, null);
  }

  private static Schema parseSchema(JsonNode answer, String what) {
    String type = answer.path("schemaType").asText("AVRO");
    if (!type.isEmpty() && !type.equals("AVRO")) {
      throw new SchemaRegistryException(200, -1, what + " is a " + type + " schema, not Avro", null);
    }
    JsonNode references = answer.path("references");
    if (references.isArray() && references.size() > 0) {
      throw new SchemaRegistryException(200, -1, what + " uses schema references, which this client does not"
          + " resolve: " + references, null);
    }
    JsonNode schema = answer.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new SchemaRegistryException(200, -1, "the registry's answer for " + what + " has no schema text", null);
    }
    try {
      return new Schema.Parser().setValidateDefaults(false).parse(schema.asText());
    } catch (SchemaParseException e) {
      throw new SchemaRegistryException(200, SchemaRegistryException.INVALID_SCHEMA,
          "the registry's schema for " + what + " does not parse: " + e.getMessage(), e);
    }
  }

  private static int requiredInt(JsonNode answer, String field, String what) {
    JsonNode value = answer.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new SchemaRegistryException(200, -1, "the registry's answer to " + what + " has no integer \"" + field
          + "\": " + abbreviate(answer.toString()), null);
    }
    return value.asInt();
  }

  private static String schemaBody(Schema schema) {
    try {
      // Confluent registers the compact schema.toString() text.
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON string", e);
    }
  }

  private static String normalizeQuery(boolean normalize) {
    return normalize ? "?normalize=true" : "";
  }

  private static String pathSegment(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String rawUserInfo) {
    return java.net.URLDecoder.decode(rawUserInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static URI withoutUserInfoAndTrailingSlash(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    return URI.create(url.getScheme() + "://" + url.getHost() + port + path);
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
  }
}
