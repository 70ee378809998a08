package io.paperwire.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.paperwire.embedded.EmbeddedKafka;
import io.paperwire.registry.RegistryConfig;
import io.paperwire.registry.SchemaRegistryServer;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.serde.HttpSchemaRegistryClient;
import io.paperwire.schemas.serde.KafkaAvroDeserializer;
import io.paperwire.schemas.serde.KafkaAvroSerializer;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.avro.shaded.org.apache.avro.io.DecoderFactory;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroDeserializationSchema;
import org.apache.flink.formats.avro.registry.confluent.ConfluentRegistryAvroSerializationSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * paperwire's serde and registry against Confluent's own Java client: {@code CachedSchemaRegistryClient} 7.5.3 as
 * bundled (relocated, with a relocated Avro) in Flink's confluent-registry format, whose serialization schemas write
 * and read the Confluent wire format through it. Run as plain Java; no Flink cluster.
 */
class InteropWithConfluentJavaClientTest {

    private static final String TOPIC = "papers.published";
    private static final String SUBJECT = TOPIC + "-value";

    @TempDir
    static Path dataDir;

    static EmbeddedKafka broker;
    static SchemaRegistryServer registry;
    static String url;

    @BeforeAll
    static void startPlatform() {
        broker = EmbeddedKafka.start(dataDir);
        registry = SchemaRegistryServer.start(RegistryConfig.defaults(broker.bootstrapServers()).withPort(0));
        url = registry.url().toString();
    }

    @AfterAll
    static void stopPlatform() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldWriteTheSameBytesAsConfluentsSerializer() throws Exception {
        Schema confluentSchema = new Schema.Parser().parse(Paper.getClassSchema().toString());
        var confluentWriter = ConfluentRegistryAvroSerializationSchema.forGeneric(SUBJECT, confluentSchema, url);
        try (var ours = new KafkaAvroSerializer<Paper>(new HttpSchemaRegistryClient(registry.url()))) {
            ours.configure(Map.of("schema.registry.url", url), false);
            for (Paper paper : InteropFixtures.papers()) {
                byte[] theirs = confluentWriter.serialize(toConfluentRecord(confluentSchema, paper));
                byte[] mine = ours.serialize(TOPIC, paper);
                assertThat(mine).as("paperwire's bytes for %s", paper.getKey()).isEqualTo(theirs);
                assertThat(mine[0]).isZero();
            }
        }
    }

    @Test
    void shouldReadWhatConfluentsSerializerWrote() throws Exception {
        Schema confluentSchema = new Schema.Parser().parse(Paper.getClassSchema().toString());
        var confluentWriter = ConfluentRegistryAvroSerializationSchema.forGeneric(SUBJECT, confluentSchema, url);
        try (var ours = new KafkaAvroDeserializer<>(new HttpSchemaRegistryClient(registry.url()), Paper.class)) {
            for (Paper paper : InteropFixtures.papers()) {
                byte[] theirs = confluentWriter.serialize(toConfluentRecord(confluentSchema, paper));
                assertThat(ours.deserialize(TOPIC, theirs)).isEqualTo(paper);
            }
        }
    }

    @Test
    void shouldBeReadByConfluentsDeserializer() throws Exception {
        Schema confluentSchema = new Schema.Parser().parse(Paper.getClassSchema().toString());
        var confluentReader = ConfluentRegistryAvroDeserializationSchema.forGeneric(confluentSchema, url);
        try (var ours = new KafkaAvroSerializer<Paper>(new HttpSchemaRegistryClient(registry.url()))) {
            ours.configure(Map.of("schema.registry.url", url), false);
            for (Paper paper : InteropFixtures.papers()) {
                GenericRecord read = confluentReader.deserialize(ours.serialize(TOPIC, paper));
                assertThat(read).isEqualTo(toConfluentRecord(confluentSchema, paper));
                assertThat(read.get("title").toString()).isEqualTo(paper.getTitle());
            }
        }
    }

    /** The same paper as a record of the relocated Avro that Confluent's client uses, via Avro's JSON encoding. */
    private static GenericRecord toConfluentRecord(Schema schema, Paper paper) throws Exception {
        var decoder = DecoderFactory.get().jsonDecoder(schema, InteropFixtures.avroJson(paper));
        return new GenericDatumReader<GenericRecord>(schema).read(null, decoder);
    }
}
