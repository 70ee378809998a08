package io.paperwire.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import io.paperwire.schemas.PaperLinks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** Confluent's settings change how the serializer finds the schema id, and old writers are read with new readers. */
class SerdeSettingsTest {

  private static final String TOPIC = "papers.published";
  private static final String SUBJECT = "papers.published-value";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  static Paper paper() {
    return Paper.newBuilder()
        .setKey("arxiv:2401.01234").setKind(PaperEventKind.NEW_VERSION).setSource("arxiv-oai").setVersion(2)
        .setTitle("On $\\alpha$-stable things").setAbstractText("We study things.")
        .setAuthors(List.of()).setCategories(List.of("cs.LG", "stat.ML")).setPrimaryCategory("cs.LG")
        .setLinks(PaperLinks.newBuilder().setAbstractPage("https://arxiv.org/abs/2401.01234").build())
        .setIngestedAt(Instant.parse("2024-01-03T10:15:30Z")).setContentHash("h1")
        .build();
  }

  /** Paper's schema with one more optional field, i.e. a later, BACKWARD compatible version. */
  static Schema paperWithExtraField() {
    String json = Paper.getClassSchema().toString().replace("\"fields\":[",
        "\"fields\":[{\"name\":\"venue\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Venue.\"},");
    return new Schema.Parser().parse(json);
  }

  /** Paper's schema without its last field contentHash, i.e. what an older writer used. */
  static Schema paperWithoutContentHash() {
    String json = Paper.getClassSchema().toString().replace(",{\"name\":\"contentHash\",\"type\":[\"null\","
        + "{\"type\":\"string\",\"avro.java.string\":\"String\"}],\"doc\":\"Hash of the normalised metadata of this"
        + " version; two events with the same key, version and hash describe the same sighting.\",\"default\":null}",
        "");
    Schema schema = new Schema.Parser().parse(json);
    assertThat(schema.getField("contentHash")).as("test setup removed the field").isNull();
    return schema;
  }

  @Test
  void withoutAutoRegistrationAnUnregisteredSchemaFailsClearly() {
    KafkaAvroSerializer<Paper> serializer =
        new KafkaAvroSerializer<>(registry, Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, paper()))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("papers.published: schema io.paperwire.schemas.Paper is not registered under subject"
            + " papers.published-value and auto.register.schemas=false");
    assertThat(registry.registerCalls).hasValue(0);
  }

  @Test
  void withoutAutoRegistrationARegisteredSchemaIsLookedUp() {
    int id = registry.register(SUBJECT, Paper.getClassSchema());
    registry.registerCalls.set(0);
    KafkaAvroSerializer<Paper> serializer =
        new KafkaAvroSerializer<>(registry, Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

    byte[] bytes = serializer.serialize(TOPIC, paper());

    assertThat(WireFormat.schemaId(TOPIC, bytes)).isEqualTo(id);
    assertThat(registry.registerCalls).hasValue(0);
  }

  @Test
  void useLatestVersionWritesWithTheLatestSchemaAndItsId() {
    registry.register(SUBJECT, Paper.getClassSchema());
    Schema latest = paperWithExtraField();
    int latestId = registry.register(SUBJECT, latest);
    KafkaAvroSerializer<Paper> serializer = new KafkaAvroSerializer<>(registry,
        Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true"), false);

    byte[] bytes = serializer.serialize(TOPIC, paper());
    GenericRecord asWritten = new KafkaAvroDeserializer<GenericRecord>(registry).deserialize(TOPIC, bytes);

    assertThat(WireFormat.schemaId(TOPIC, bytes)).isEqualTo(latestId);
    assertThat(asWritten.getSchema()).isEqualTo(latest);
    assertThat(asWritten.get("venue")).isNull();
    assertThat(asWritten.get("title")).isEqualTo("On $\\alpha$-stable things");
    assertThat(new KafkaAvroDeserializer<>(registry, Paper.class).deserialize(TOPIC, bytes)).isEqualTo(paper());
  }

  @Test
  void useLatestVersionRefusesALatestVersionThatCannotReadTheRecord() {
    Schema unrelated = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Paper\",\"namespace\":"
        + "\"io.paperwire.schemas\",\"fields\":[{\"name\":\"doiRequired\",\"type\":\"string\"}]}");
    registry.register(SUBJECT, unrelated);
    KafkaAvroSerializer<Paper> serializer = new KafkaAvroSerializer<>(registry,
        Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true"), false);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, paper()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("use.latest.version=true but version 1 (id 1) of papers.published-value cannot read"
            + " io.paperwire.schemas.Paper")
        .hasMessageContaining("doiRequired");
  }

  @Test
  void oldWriterDataIsResolvedIntoTheCurrentClass() {
    Schema old = paperWithoutContentHash();
    GenericRecord written = new GenericData.Record(old);
    Paper current = paper();
    for (Schema.Field field : old.getFields()) {
      Object value = current.get(field.name());
      written.put(field.name(), value instanceof Instant instant ? instant.toEpochMilli() : value);
    }
    written.put("kind", new GenericData.EnumSymbol(old.getField("kind").schema(), "NEW_VERSION"));
    written.put("links", new GenericData.Record(old.getField("links").schema()));
    ((GenericRecord) written.get("links")).put("abstractPage", "https://arxiv.org/abs/2401.01234");
    byte[] bytes = new KafkaAvroSerializer<GenericRecord>(registry).serialize(TOPIC, written);

    Paper read = new KafkaAvroDeserializer<>(registry, Paper.class).deserialize(TOPIC, bytes);

    current.setContentHash(null);
    assertThat(read).isEqualTo(current);
  }

  @Test
  void writerSchemaIsFetchedOncePerId() {
    byte[] bytes = new KafkaAvroSerializer<Paper>(registry).serialize(TOPIC, paper());
    KafkaAvroDeserializer<Paper> deserializer = new KafkaAvroDeserializer<>(registry, Paper.class);

    for (int i = 0; i < 100; i++) {
      assertThat(deserializer.deserialize(TOPIC, bytes)).isEqualTo(paper());
    }

    assertThat(registry.schemaByIdCalls).hasValue(1);
  }

  @Test
  void configuringWithoutARegistryUrlSaysWhichKeyIsMissing() {
    KafkaAvroSerializer<Paper> serializer = new KafkaAvroSerializer<>();

    assertThatThrownBy(() -> serializer.configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void malformedSettingsNameTheirKey() {
    assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("auto.register.schemas");
    assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "localhost:8081")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
  }

  @Test
  void configureByClassNameBuildsAnHttpClientForTheUrls() {
    AvroSerdeConfig config = AvroSerdeConfig.from(Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://a:8081, http://user:pw@b:8082/",
        AvroSerdeConfig.USE_LATEST_VERSION, true));

    assertThat(config.registryUrls()).hasSize(2);
    assertThat(config.autoRegisterSchemas()).isTrue();
    assertThat(config.useLatestVersion()).isTrue();
    assertThat(new HttpSchemaRegistryClient(config).baseUrls()).extracting(Object::toString)
        .containsExactly("http://a:8081", "http://b:8082");
  }

  @Test
  void somethingThatIsNotAnAvroRecordIsRefused() {
    KafkaAvroSerializer<Object> serializer = new KafkaAvroSerializer<>(registry);

    assertThatThrownBy(() -> serializer.serialize(TOPIC, "just a string"))
        .isInstanceOf(SerializationException.class)
        .hasMessage("papers.published: cannot serialise java.lang.String as Avro: not an Avro record"
            + " (GenericContainer)");
  }

  @Test
  void aRecordMissingARequiredValueFailsNamingTheTopic() {
    Paper paper = paper();
    paper.setTitle(null);

    assertThatThrownBy(() -> new KafkaAvroSerializer<Paper>(registry).serialize(TOPIC, paper))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("papers.published: cannot encode io.paperwire.schemas.Paper")
        .hasMessageContaining("title");
  }
}
