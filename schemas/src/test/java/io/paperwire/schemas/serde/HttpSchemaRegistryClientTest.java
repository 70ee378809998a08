package io.paperwire.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.TrendingScore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST client against a real local HTTP server answering like Confluent's registry. */
class HttpSchemaRegistryClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the server saw it. */
  record Seen(String method, String rawPath, String rawQuery, String contentType, String authorization,
      String body) {}

  /** A canned answer. */
  record Answer(int status, String body) {}

  private HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private String url;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = exchange.getRequestURI();
    seen.add(new Seen(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
        exchange.getRequestHeaders().getFirst("Content-Type"),
        exchange.getRequestHeaders().getFirst("Authorization"), body));
    Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + uri.getRawPath(),
        new Answer(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"));
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private void answer(String methodAndPath, int status, Object body) throws IOException {
    answers.put(methodAndPath, new Answer(status, body instanceof String s ? s : JSON.writeValueAsString(body)));
  }

  private HttpSchemaRegistryClient client(Map<String, Object> extra) {
    Map<String, Object> config = new java.util.HashMap<>(extra);
    config.putIfAbsent(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
    return HttpSchemaRegistryClient.fromConfig(config);
  }

  @Test
  void registerPostsTheCompactSchemaTextAndCachesTheId() throws IOException {
    answer("POST /subjects/papers.published-value/versions", 200, Map.of("id", 42));
    HttpSchemaRegistryClient client = client(Map.of());

    int first = client.register("papers.published-value", Paper.getClassSchema());
    int second = client.register("papers.published-value", Paper.getClassSchema());

    assertThat(first).isEqualTo(42);
    assertThat(second).isEqualTo(42);
    assertThat(seen).hasSize(1);
    Seen request = seen.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(request.rawQuery()).isNull();
    assertThat(JSON.readTree(request.body()).get("schema").asText()).isEqualTo(Paper.getClassSchema().toString());
    assertThat(JSON.readTree(request.body()).size()).isEqualTo(1);
    assertThat(client.schemaById(42)).isEqualTo(Paper.getClassSchema());
    assertThat(seen).hasSize(1);
  }

  @Test
  void normalizeIsAQueryParameter() throws IOException {
    answer("POST /subjects/s/versions", 200, Map.of("id", 1));

    client(Map.of()).register("s", Paper.getClassSchema(), true);

    assertThat(seen.get(0).rawQuery()).isEqualTo("normalize=true");
  }

  @Test
  void lookupOfAnUnknownSchemaCarriesTheRegistryErrorCode() throws IOException {
    answer("POST /subjects/papers.published-value", 404,
        Map.of("error_code", 40403, "message", "Schema not found"));

    SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
        () -> client(Map.of()).lookupId("papers.published-value", Paper.getClassSchema()));

    assertThat(e.errorCode()).isEqualTo(40403);
    assertThat(e.httpStatus()).isEqualTo(404);
    assertThat(e.isNotFound()).isTrue();
    assertThat(e).hasMessageContaining("POST /subjects/papers.published-value failed: HTTP 404, error_code 40403:"
        + " Schema not found");
  }

  @Test
  void lookupAnswersTheIdAndCachesIt() throws IOException {
    answer("POST /subjects/papers.trending-value", 200, Map.of("subject", "papers.trending-value", "version", 3,
        "id", 9, "schema", TrendingScore.getClassSchema().toString()));
    HttpSchemaRegistryClient client = client(Map.of());

    assertThat(client.lookupId("papers.trending-value", TrendingScore.getClassSchema())).isEqualTo(9);
    assertThat(client.lookupId("papers.trending-value", TrendingScore.getClassSchema())).isEqualTo(9);
    assertThat(seen).hasSize(1);
  }

  @Test
  void schemaByIdIsFetchedOnceAndParsed() throws IOException {
    answer("GET /schemas/ids/5", 200, Map.of("schema", TrendingScore.getClassSchema().toString()));
    HttpSchemaRegistryClient client = client(Map.of());

    Schema first = client.schemaById(5);
    Schema second = client.schemaById(5);

    assertThat(first).isEqualTo(TrendingScore.getClassSchema()).isSameAs(second);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).method()).isEqualTo("GET");
  }

  @Test
  void latestVersionIsCachedForItsTimeToLive() throws IOException {
    answer("GET /subjects/papers.trending-value/versions/latest", 200, Map.of("subject", "papers.trending-value",
        "version", 2, "id", 11, "schema", TrendingScore.getClassSchema().toString()));

    HttpSchemaRegistryClient forever = client(Map.of());
    RegisteredSchema latest = forever.latest("papers.trending-value");
    forever.latest("papers.trending-value");
    assertThat(latest).isEqualTo(new RegisteredSchema("papers.trending-value", 2, 11,
        TrendingScore.getClassSchema()));
    assertThat(seen).hasSize(1);

    HttpSchemaRegistryClient noCache = client(Map.of(AvroSerdeConfig.LATEST_CACHE_TTL_SEC, "0"));
    noCache.latest("papers.trending-value");
    noCache.latest("papers.trending-value");
    assertThat(seen).hasSize(3);
  }

  @Test
  void subjectsArePercentEncodedInThePath() throws IOException {
    answer("POST /subjects/a%20b%2Fc%C3%A9/versions", 200, Map.of("id", 3));

    assertThat(client(Map.of()).register("a b/cé", Paper.getClassSchema())).isEqualTo(3);
    assertThat(seen.get(0).rawPath()).isEqualTo("/subjects/a%20b%2Fc%C3%A9/versions");
  }

  @Test
  void basicAuthComesFromUserInfoSetting() throws IOException {
    answer("GET /schemas/ids/1", 200, Map.of("schema", TrendingScore.getClassSchema().toString()));

    client(Map.of(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO",
        AvroSerdeConfig.BASIC_AUTH_USER_INFO, "alice:s3cret")).schemaById(1);

    assertThat(seen.get(0).authorization()).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void basicAuthComesFromTheUrlWhenNotSetOtherwise() throws IOException {
    answer("GET /schemas/ids/1", 200, Map.of("schema", TrendingScore.getClassSchema().toString()));
    String withUser = url.replace("http://", "http://bob:pw@");

    client(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, withUser)).schemaById(1);

    assertThat(seen.get(0).authorization()).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void noAuthorizationHeaderWithoutCredentials() throws IOException {
    answer("GET /schemas/ids/1", 200, Map.of("schema", TrendingScore.getClassSchema().toString()));

    client(Map.of()).schemaById(1);

    assertThat(seen.get(0).authorization()).isNull();
  }

  @Test
  void serverErrorWithoutJsonKeepsStatusAndBody() throws IOException {
    answer("GET /schemas/ids/1", 503, "upstream unavailable");

    SchemaRegistryException e =
        catchThrowableOfType(SchemaRegistryException.class, () -> client(Map.of()).schemaById(1));

    assertThat(e.httpStatus()).isEqualTo(503);
    assertThat(e.errorCode()).isEqualTo(503);
    assertThat(e.isNotFound()).isFalse();
    assertThat(e).hasMessageContaining("upstream unavailable");
  }

  @Test
  void incompatibleSchemaIsRejectedWithCode409() throws IOException {
    answer("POST /subjects/s/versions", 409, Map.of("error_code", 409,
        "message", "Schema being registered is incompatible with an earlier schema"));

    SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
        () -> client(Map.of()).register("s", Paper.getClassSchema()));

    assertThat(e.errorCode()).isEqualTo(409);
    assertThat(e.isSchemaRejected()).isTrue();
  }

  @Test
  void unreachableUrlIsSkippedForTheNextOne() throws IOException {
    answer("GET /schemas/ids/1", 200, Map.of("schema", TrendingScore.getClassSchema().toString()));
    String dead = "http://127.0.0.1:" + freePort();

    Schema schema = client(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, dead + "," + url)).schemaById(1);

    assertThat(schema).isEqualTo(TrendingScore.getClassSchema());
  }

  @Test
  void noReachableUrlIsAnInfrastructureError() throws IOException {
    String dead = "http://127.0.0.1:" + freePort();

    SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
        () -> client(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, dead)).schemaById(1));

    assertThat(e.httpStatus()).isEqualTo(-1);
    assertThat(e).hasMessageContaining("could not be reached for GET /schemas/ids/1");
  }

  @Test
  void deserializerTurnsAnUnknownIdIntoAWireFormatError() throws IOException {
    answer("GET /schemas/ids/77", 404, Map.of("error_code", 40403, "message", "Schema 77 not found"));
    KafkaAvroDeserializer<Paper> deserializer = new KafkaAvroDeserializer<>(client(Map.of()), Paper.class);

    WireFormatException e = catchThrowableOfType(WireFormatException.class,
        () -> deserializer.deserialize("papers.published", new byte[] {0, 0, 0, 0, 77, 2}));

    assertThat(e.problem()).isEqualTo(WireFormatException.Problem.UNKNOWN_SCHEMA_ID);
    assertThat(e).hasMessageStartingWith("papers.published: unknown schema id 77");
  }

  @Test
  void serdeConfiguredByUrlRoundTripsThroughTheServer() throws IOException {
    answer("POST /subjects/papers.published-value/versions", 200, Map.of("id", 12));
    KafkaAvroSerializer<Paper> serializer = new KafkaAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), false);
    byte[] bytes = serializer.serialize("papers.published", SerdeSettingsTest.paper());
    answer("GET /schemas/ids/12", 200, Map.of("schema", seenSchemaText()));
    KafkaAvroDeserializer<Paper> deserializer = new KafkaAvroDeserializer<>(Paper.class);
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url), false);

    assertThat(deserializer.deserialize("papers.published", bytes)).isEqualTo(SerdeSettingsTest.paper());
    assertThat(seen).extracting(Seen::method).containsExactly("POST", "GET");
  }

  private String seenSchemaText() throws IOException {
    return JSON.readTree(seen.get(0).body()).get("schema").asText();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
