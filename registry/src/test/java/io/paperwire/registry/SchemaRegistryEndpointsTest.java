package io.paperwire.registry;

import static io.paperwire.registry.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.registry.RegistryClient.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint and its error codes, over HTTP against a registry on a real broker. Subjects differ per test. */
class SchemaRegistryEndpointsTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedKafka kafka;
    private static SchemaRegistryServer server;
    private static RegistryClient client;

    @BeforeAll
    static void startBrokerAndRegistry() {
        kafka = EmbeddedKafka.start(dataDir);
        server = SchemaRegistryServer.start(RegistryConfig.defaults(kafka.bootstrapServers())
                .withPort(0).withTopic("_schemas_endpoints"));
        client = new RegistryClient(server.url());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldAnswerTheFixedEndpoints() {
        assertThat(client.get("/").json().isObject()).isTrue();
        assertThat(client.get("/").json()).isEmpty();
        assertThat(client.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
        assertThat(client.get("/mode").json().toString()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void shouldRegisterAndReadBackBySubjectVersionAndId() {
        String schema = TestSchemas.record("Registered");
        Response registered = client.post("/subjects/reg-value/versions?normalize=true", schemaBody(schema));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().fieldNames()).toIterable().containsExactly("id");
        int id = registered.json().get("id").asInt();

        Response byId = client.get("/schemas/ids/" + id + "?subject=whatever&fetchMaxId=false");
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().fieldNames()).toIterable().containsExactly("schema");
        assertThat(ParsedSchema.parse(byId.json().get("schema").asText()).canonical())
                .isEqualTo(ParsedSchema.parse(schema).canonical());

        assertThat(client.get("/schemas/ids/" + id + "/schema").json().get("name").asText()).isEqualTo("Registered");
        assertThat(client.get("/schemas/ids/" + id + "/versions").json().toString())
                .isEqualTo("[{\"subject\":\"reg-value\",\"version\":1}]");
        assertThat(client.get("/subjects").json()).extracting(JsonNode::asText).contains("reg-value");
        assertThat(client.get("/subjects/reg-value/versions").json().toString()).isEqualTo("[1]");

        JsonNode version = client.get("/subjects/reg-value/versions/1").json();
        assertThat(version.get("subject").asText()).isEqualTo("reg-value");
        assertThat(version.get("version").asInt()).isEqualTo(1);
        assertThat(version.get("id").asInt()).isEqualTo(id);
        assertThat(version.has("schemaType")).isFalse();
        assertThat(client.get("/subjects/reg-value/versions/latest").json()).isEqualTo(version);
        assertThat(client.get("/subjects/reg-value/versions/-1").json()).isEqualTo(version);

        Response raw = client.get("/subjects/reg-value/versions/latest/schema");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.json().get("name").asText()).isEqualTo("Registered");
        assertThat(client.get("/subjects/reg-value/versions/1/referencedby").json().toString()).isEqualTo("[]");
    }

    @Test
    void shouldLookUpASchemaUnderASubject() {
        String schema = TestSchemas.record("LookedUp");
        int id = client.register("lookup-value", schema);

        Response found = client.post("/subjects/lookup-value?normalize=false&deleted=false", schemaBody(schema));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("subject").asText()).isEqualTo("lookup-value");
        assertThat(found.json().get("version").asInt()).isEqualTo(1);
        assertThat(found.json().get("id").asInt()).isEqualTo(id);
        assertThat(found.json().get("schema").asText()).contains("LookedUp");

        Response otherSchema = client.post("/subjects/lookup-value", schemaBody(TestSchemas.record("Other")));
        assertThat(otherSchema.status()).isEqualTo(404);
        assertThat(otherSchema.errorCode()).isEqualTo(40403);

        Response noSubject = client.post("/subjects/no-such-subject", schemaBody(schema));
        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldDeduplicateByCanonicalFormWithinAndAcrossSubjects() {
        String compact = "{\"type\":\"record\",\"name\":\"Dedup\",\"namespace\":\"io.paperwire.test\","
                + "\"fields\":[{\"name\":\"key\",\"type\":\"string\"},"
                + "{\"name\":\"n\",\"type\":[\"null\",\"int\"],\"default\":null}]}";
        String reformatted = """
                {
                  "fields" : [ { "type" : "string", "name" : "key", "doc": "added by a client" },
                               { "default" : null, "name" : "n", "type" : [ "null", "int" ] } ],
                  "namespace" : "io.paperwire.test",
                  "name" : "Dedup",
                  "type" : "record"
                }""";

        int first = client.register("dedup-value", compact);
        int again = client.register("dedup-value", reformatted);
        int elsewhere = client.register("dedup-other-value", reformatted);

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
        assertThat(client.get("/subjects/dedup-value/versions").json().toString()).isEqualTo("[1]");
        assertThat(client.post("/subjects/dedup-value", schemaBody(reformatted)).json().get("id").asInt())
                .isEqualTo(first);
        assertThat(client.get("/schemas/ids/" + first + "/versions").json().toString()).isEqualTo(
                "[{\"subject\":\"dedup-other-value\",\"version\":1},{\"subject\":\"dedup-value\",\"version\":1}]");
    }

    @Test
    void shouldAnswerConfluentErrorCodes() {
        client.register("errors-value", TestSchemas.record("Errors"));

        assertError(client.get("/subjects/nothing-here/versions"), 404, 40401);
        assertError(client.get("/subjects/nothing-here/versions/1"), 404, 40401);
        assertError(client.get("/subjects/errors-value/versions/7"), 404, 40402);
        assertError(client.get("/schemas/ids/999999"), 404, 40403);
        assertError(client.get("/schemas/ids/999999/versions"), 404, 40403);
        assertError(client.get("/subjects/errors-value/versions/0"), 422, 42202);
        assertError(client.get("/subjects/errors-value/versions/first"), 422, 42202);
        assertError(client.post("/subjects/errors-value/versions", schemaBody("{\"type\":\"record\"}")), 422, 42201);
        assertError(client.post("/subjects/errors-value/versions", "{\"schemaType\":\"AVRO\"}"), 422, 42201);
        assertError(client.post("/subjects/errors-value/versions", "this is not json"), 400, 400);

        Response protobuf = client.post("/subjects/errors-value/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        assertError(protobuf, 422, 42201);
        assertThat(protobuf.json().get("message").asText()).contains("PROTOBUF", "AVRO only");

        Response withReferences = client.post("/subjects/errors-value/versions", "{\"schema\":"
                + RegistryClient.object().textNode(TestSchemas.record("Errors"))
                + ",\"references\":[{\"name\":\"x\",\"subject\":\"y\",\"version\":1}]}");
        assertError(withReferences, 422, 42201);
        assertThat(withReferences.json().get("message").asText()).contains("references");

        Response emptyReferences = client.post("/subjects/errors-value/versions", "{\"schema\":"
                + RegistryClient.object().textNode(TestSchemas.record("Errors")) + ",\"references\":[],"
                + "\"schemaType\":\"AVRO\"}");
        assertThat(emptyReferences.status()).isEqualTo(200);

        assertError(client.put("/config/errors-value", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
        assertError(client.get("/config/errors-value"), 404, 40408);
        assertError(client.get("/no/such/path"), 404, 404);
        assertError(client.send(HttpRequest.newBuilder(client.uri("/subjects"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody())), 404, 404);
    }

    @Test
    void shouldAnswerAssociationsWith404() {
        assertError(client.get("/associations/resources/-/papers.published?resourceType=topic"), 404, 404);
        assertError(client.get("/associations"), 404, 404);
        assertError(client.get("/associations/subjects/x"), 404, 404);
    }

    @Test
    void shouldIgnoreContentTypeAcceptAndAnEmptyBasicAuthorization() {
        String body = schemaBody(TestSchemas.record("Headers"));
        List<String> contentTypes = List.of("application/vnd.schemaregistry.v1+json", "application/json",
                "application/octet-stream", "text/plain");
        for (String contentType : contentTypes) {
            Response response = client.send(HttpRequest.newBuilder(client.uri("/subjects/headers-value/versions"))
                    .header("Content-Type", contentType).header("Accept", "*/*")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.status()).as(contentType).isEqualTo(200);
        }
        Response noHeaders = client.send(HttpRequest.newBuilder(client.uri("/subjects/headers-value/versions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(noHeaders.status()).isEqualTo(200);

        Response withAuthorization = client.send(HttpRequest.newBuilder(client.uri("/subjects/headers-value"))
                .header("Authorization", "Basic Og==")
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, "
                        + "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(withAuthorization.status()).isEqualTo(200);
        assertThat(withAuthorization.json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void shouldSoftDeleteThenPermanentlyDeleteVersions() {
        int v1Id = client.register("delete-version-value", TestSchemas.record("Deleted"));
        client.register("delete-version-value", TestSchemas.recordWithExtra("Deleted", true));

        assertError(client.delete("/subjects/delete-version-value/versions/1?permanent=true"), 404, 40407);
        Response soft = client.delete("/subjects/delete-version-value/versions/1");
        assertThat(soft.status()).isEqualTo(200);
        assertThat(soft.body()).isEqualTo("1");
        assertError(client.delete("/subjects/delete-version-value/versions/1"), 404, 40406);

        assertThat(client.get("/subjects/delete-version-value/versions").json().toString()).isEqualTo("[2]");
        assertThat(client.get("/subjects/delete-version-value/versions?deleted=true").json().toString())
                .isEqualTo("[1,2]");
        assertError(client.get("/subjects/delete-version-value/versions/1"), 404, 40402);
        assertThat(client.get("/subjects/delete-version-value/versions/1?deleted=true").status()).isEqualTo(200);
        // A soft-deleted schema still resolves by id: consumers need it for old records.
        assertThat(client.get("/schemas/ids/" + v1Id).status()).isEqualTo(200);
        assertThat(client.get("/schemas/ids/" + v1Id + "/versions").json()).isEmpty();
        assertThat(client.get("/schemas/ids/" + v1Id + "/versions?deleted=true").json()).hasSize(1);

        assertThat(client.delete("/subjects/delete-version-value/versions/1?permanent=true").body()).isEqualTo("1");
        assertThat(client.get("/subjects/delete-version-value/versions?deleted=true").json().toString())
                .isEqualTo("[2]");
        assertError(client.get("/schemas/ids/" + v1Id), 404, 40403);
        assertError(client.delete("/subjects/delete-version-value/versions/9"), 404, 40402);
        assertError(client.delete("/subjects/nothing-here/versions/1"), 404, 40401);
        assertError(client.delete("/subjects/delete-version-value/versions/zero"), 422, 42202);
    }

    @Test
    void shouldSoftDeleteThenPermanentlyDeleteSubjects() {
        int id = client.register("delete-subject-value", TestSchemas.record("GoneSubject"));
        client.register("delete-subject-value", TestSchemas.recordWithExtra("GoneSubject", true));

        assertError(client.delete("/subjects/delete-subject-value?permanent=true"), 404, 40405);
        Response soft = client.delete("/subjects/delete-subject-value");
        assertThat(soft.status()).isEqualTo(200);
        assertThat(soft.json().toString()).isEqualTo("[1,2]");

        assertThat(client.get("/subjects").json()).extracting(JsonNode::asText).doesNotContain("delete-subject-value");
        assertThat(client.get("/subjects?deleted=true").json()).extracting(JsonNode::asText)
                .contains("delete-subject-value");
        assertError(client.get("/subjects/delete-subject-value/versions"), 404, 40401);
        assertError(client.post("/subjects/delete-subject-value",
                schemaBody(TestSchemas.record("GoneSubject"))), 404, 40401);
        assertThat(client.post("/subjects/delete-subject-value?deleted=true",
                schemaBody(TestSchemas.record("GoneSubject"))).json().get("id").asInt()).isEqualTo(id);

        // Registering again after a soft delete gives a new version and keeps the id.
        assertThat(client.register("delete-subject-value", TestSchemas.record("GoneSubject"))).isEqualTo(id);
        assertThat(client.get("/subjects/delete-subject-value/versions").json().toString()).isEqualTo("[3]");
        assertThat(client.delete("/subjects/delete-subject-value").json().toString()).isEqualTo("[3]");

        assertThat(client.delete("/subjects/delete-subject-value?permanent=true").json().toString())
                .isEqualTo("[1,2,3]");
        assertThat(client.get("/subjects?deleted=true").json()).extracting(JsonNode::asText)
                .doesNotContain("delete-subject-value");
        assertError(client.delete("/subjects/delete-subject-value"), 404, 40401);
    }

    @Test
    void shouldKeepSubjectCompatibilitySettings() {
        assertError(client.get("/config/config-value"), 404, 40408);
        assertThat(client.get("/config/config-value?defaultToGlobal=true").json().toString())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        Response put = client.put("/config/config-value", "{\"compatibility\":\"full_transitive\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().toString()).isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(client.get("/config/config-value").json().toString())
                .isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");

        Response deleted = client.delete("/config/config-value");
        assertThat(deleted.json().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertError(client.get("/config/config-value"), 404, 40408);
        assertError(client.delete("/config/config-value"), 404, 40408);
        assertError(client.put("/config/config-value", "{}"), 422, 42203);
    }

    @Test
    void shouldKeepTheGlobalCompatibilitySetting() {
        // A registry of its own, so that changing the global level does not reach other tests.
        try (SchemaRegistryServer own = SchemaRegistryServer.start(RegistryConfig.defaults(kafka.bootstrapServers())
                .withPort(0).withTopic("_schemas_global_config").withDefaultCompatibility(CompatibilityLevel.FULL))) {
            RegistryClient ownClient = new RegistryClient(own.url());
            assertThat(ownClient.get("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

            Response put = ownClient.put("/config", "{\"compatibility\":\"NONE\"}");
            assertThat(put.json().toString()).isEqualTo("{\"compatibility\":\"NONE\"}");
            assertThat(ownClient.get("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
            assertThat(ownClient.get("/config/any-value?defaultToGlobal=true").json().toString())
                    .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");

            // NONE globally: an incompatible change is accepted...
            ownClient.register("global-value", TestSchemas.record("Global"));
            ownClient.register("global-value", TestSchemas.recordWithExtra("Global", false));
            // ...unless the subject has a stricter level of its own.
            ownClient.put("/config/global-value", "{\"compatibility\":\"BACKWARD\"}");
            Response rejected = ownClient.post("/subjects/global-value/versions",
                    schemaBody(TestSchemas.recordWithExtra("Global", false).replace("\"long\"", "\"boolean\"")));
            assertError(rejected, 409, 409);

            assertThat(ownClient.delete("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
            assertThat(ownClient.get("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        }
    }

    @Test
    void shouldCheckCompatibilityWithoutRegistering() {
        client.register("check-value", TestSchemas.record("Checked"));
        String required = schemaBody(TestSchemas.recordWithExtra("Checked", false));
        String optional = schemaBody(TestSchemas.recordWithExtra("Checked", true));

        assertThat(client.post("/compatibility/subjects/check-value/versions/latest", required).json().toString())
                .isEqualTo("{\"is_compatible\":false}");
        assertThat(client.post("/compatibility/subjects/check-value/versions/1", optional).json().toString())
                .isEqualTo("{\"is_compatible\":true}");
        JsonNode verbose = client.post("/compatibility/subjects/check-value/versions/latest?verbose=true", required)
                .json();
        assertThat(verbose.get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.get("messages")).isNotEmpty();
        assertThat(verbose.get("messages").get(0).asText()).contains("READER_FIELD_MISSING_DEFAULT_VALUE", "extra");
        assertThat(client.post("/compatibility/subjects/check-value/versions", optional).json()
                .get("is_compatible").asBoolean()).isTrue();

        assertThat(client.get("/subjects/check-value/versions").json().toString()).isEqualTo("[1]");
        assertError(client.post("/compatibility/subjects/nothing-here/versions/latest", optional), 404, 40401);
        assertError(client.post("/compatibility/subjects/check-value/versions/5", optional), 404, 40402);
        assertError(client.post("/compatibility/subjects/check-value/versions/x", optional), 422, 42202);
    }

    private static final String KEY = "{\"name\":\"key\",\"type\":\"string\"}";
    private static final String A_INT = "{\"name\":\"a\",\"type\":\"int\"}";
    private static final String A_INT_DEFAULT = "{\"name\":\"a\",\"type\":\"int\",\"default\":1}";
    private static final String A_STRING_DEFAULT = "{\"name\":\"a\",\"type\":\"string\",\"default\":\"x\"}";

    /** Sets the subject's level, then registers each schema in turn; answers the HTTP status of each. */
    private static List<Integer> evolve(String subject, String level, String... schemas) {
        assertThat(client.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}").status())
                .isEqualTo(200);
        return java.util.Arrays.stream(schemas)
                .map(schema -> client.post("/subjects/" + subject + "/versions", schemaBody(schema)))
                .peek(response -> assertThat(response.status()).as(response.body()).isIn(200, 409))
                .map(Response::status)
                .toList();
    }

    @Test
    void shouldRejectABackwardIncompatibleSchemaByDefault() {
        client.register("backward-default-value", TestSchemas.record("Evolving"));

        Response required = client.post("/subjects/backward-default-value/versions",
                schemaBody(TestSchemas.recordWithExtra("Evolving", false)));
        assertError(required, 409, 409);
        assertThat(required.json().get("message").asText()).contains("incompatible", "extra");
        assertThat(client.post("/subjects/backward-default-value/versions",
                schemaBody(TestSchemas.recordWithExtra("Evolving", true))).status()).isEqualTo(200);
        assertThat(client.get("/subjects/backward-default-value/versions").json().toString()).isEqualTo("[1,2]");
    }

    @Test
    void shouldApplyEachCompatibilityLevel() {
        String base = TestSchemas.record("Evolving");
        String requiredExtra = TestSchemas.recordWithExtra("Evolving", false);
        String optionalExtra = TestSchemas.recordWithExtra("Evolving", true);
        String changedType = TestSchemas.recordWithFields("Evolving", "{\"name\":\"key\",\"type\":\"int\"}");

        assertThat(evolve("level-none-value", "NONE", base, requiredExtra, changedType)).containsExactly(200, 200, 200);
        assertThat(evolve("level-backward-value", "BACKWARD", base, requiredExtra, optionalExtra))
                .containsExactly(200, 409, 200);
        String anotherRequired = TestSchemas.recordWithFields("Evolving", KEY,
                "{\"name\":\"extra\",\"type\":\"long\"}", "{\"name\":\"more\",\"type\":\"string\"}");
        // FORWARD: the old schema must read new data, so dropping a field it requires fails, adding one is fine.
        assertThat(evolve("level-forward-value", "FORWARD", requiredExtra, base, anotherRequired))
                .containsExactly(200, 409, 200);
        assertThat(evolve("level-full-value", "FULL", base, requiredExtra, optionalExtra))
                .containsExactly(200, 409, 200);
    }

    @Test
    void shouldCheckTransitiveLevelsAgainstEveryVersion() {
        // v1 -> v2 -> v3 where v3 fits v2 but not v1, in the direction(s) each level checks.
        String[] backwardSteps = {
                TestSchemas.recordWithFields("Evolving", KEY, A_INT_DEFAULT),
                TestSchemas.recordWithFields("Evolving", KEY),
                TestSchemas.recordWithFields("Evolving", KEY, A_STRING_DEFAULT)};
        String[] forwardSteps = {
                TestSchemas.recordWithFields("Evolving", KEY, A_INT),
                TestSchemas.recordWithFields("Evolving", KEY, A_INT_DEFAULT),
                TestSchemas.recordWithFields("Evolving", KEY)};

        assertThat(evolve("transitive-b-value", "BACKWARD", backwardSteps)).containsExactly(200, 200, 200);
        assertThat(evolve("transitive-bt-value", "BACKWARD_TRANSITIVE", backwardSteps)).containsExactly(200, 200, 409);
        assertThat(evolve("transitive-f-value", "FORWARD", forwardSteps)).containsExactly(200, 200, 200);
        assertThat(evolve("transitive-ft-value", "FORWARD_TRANSITIVE", forwardSteps)).containsExactly(200, 200, 409);
        assertThat(evolve("transitive-full-value", "FULL", backwardSteps)).containsExactly(200, 200, 200);
        assertThat(evolve("transitive-fullt-value", "FULL_TRANSITIVE", backwardSteps)).containsExactly(200, 200, 409);
    }

    @Test
    void shouldDecodeSubjectNamesInPaths() {
        int id = client.register("odd%2Fname%20value", TestSchemas.record("Odd"));

        assertThat(client.get("/subjects").json()).extracting(JsonNode::asText).contains("odd/name value");
        assertThat(client.get("/subjects/odd%2Fname%20value/versions/1").json().get("id").asInt()).isEqualTo(id);
    }

    private static void assertError(Response response, int status, int errorCode) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.errorCode()).as(response.body()).isEqualTo(errorCode);
        assertThat(response.json().get("message").asText()).isNotBlank();
    }
}
