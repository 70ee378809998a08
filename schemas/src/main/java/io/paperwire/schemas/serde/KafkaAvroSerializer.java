package io.paperwire.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka {@link Serializer} writing Avro records (generated {@link SpecificRecord}s or {@code GenericRecord}s) in the
 * Confluent wire format: {@code 0x00}, the 4-byte big-endian id of the record's schema under subject
 * {@code <topic>-key}/{@code <topic>-value}, then the Avro binary encoding with the record's own schema. Byte for
 * byte what Confluent's {@code KafkaAvroSerializer} writes.
 *
 * <p>The id comes from registering the schema ({@code auto.register.schemas=true}, the default), from the subject's
 * latest version ({@code use.latest.version=true} with auto-registration off; the record is then written with that
 * version, which must be able to read the record's schema), or from looking the schema up (both off; it must be
 * registered already). {@code null} serialises to {@code null} (a tombstone). Thread-safe.
 *
 * @param <T> the record type
 */
public class KafkaAvroSerializer<T> implements Serializer<T> {

  private SchemaRegistryClient registry;
  private AvroSerdeConfig config;
  private boolean isKey;

  private final ConcurrentMap<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
  private final ConcurrentMap<SchemaPair, String> latestVersionProblems = new ConcurrentHashMap<>();

  private record WriterKey(Class<?> type, Schema schema) {}

  private record SchemaPair(Schema reader, Schema writer) {}

  /** For Kafka's {@code key.serializer}/{@code value.serializer} by class name: {@link #configure} must follow. */
  public KafkaAvroSerializer() {}

  /** A value serializer that registers schemas through {@code registry}. */
  public KafkaAvroSerializer(SchemaRegistryClient registry) {
    this(registry, Map.of(), false);
  }

  /**
   * A ready serializer sharing {@code registry}; {@code configs} holds the serde settings ({@link AvroSerdeConfig}),
   * its registry URL is not needed.
   */
  public KafkaAvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.config = AvroSerdeConfig.from(configs);
    this.isKey = isKey;
  }

  /** Reads the settings; creates an {@link HttpSchemaRegistryClient} unless one was given to the constructor. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs);
    this.isKey = isKey;
    if (registry == null) {
      registry = new HttpSchemaRegistryClient(config);
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (registry == null || config == null) {
      throw new IllegalStateException("KafkaAvroSerializer used before configure(): set "
          + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or pass a SchemaRegistryClient");
    }
    if (!(data instanceof GenericContainer container)) {
      throw new SerializationException(topic + ": cannot serialise " + data.getClass().getName()
          + " as Avro: not an Avro record (GenericContainer)");
    }
    Schema schema = container.getSchema();
    String subject = WireFormat.subject(topic, isKey);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    if (!config.autoRegisterSchemas() && config.useLatestVersion()) {
      RegisteredSchema latest = latestFor(topic, subject);
      WireFormat.writeHeader(out, latest.id());
      if (latest.schema().equals(schema)) {
        encode(topic, data, schema, out);
      } else {
        requireReadable(topic, subject, latest, schema);
        encodeAs(topic, data, schema, latest.schema(), out);
      }
    } else {
      WireFormat.writeHeader(out, idFor(topic, subject, schema));
      encode(topic, data, schema, out);
    }
    return out.toByteArray();
  }

  private int idFor(String topic, String subject, Schema schema) {
    try {
      return config.autoRegisterSchemas()
          ? registry.register(subject, schema, config.normalizeSchemas())
          : registry.lookupId(subject, schema, config.normalizeSchemas());
    } catch (SchemaRegistryException e) {
      if (!config.autoRegisterSchemas() && e.isNotFound()) {
        throw new SerializationException(topic + ": schema " + schema.getFullName() + " is not registered under"
            + " subject " + subject + " and " + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS + "=false: register it first ("
            + e.getMessage() + ")", e);
      }
      if (e.isSchemaRejected()) {
        throw new SerializationException(topic + ": the schema registry refused schema " + schema.getFullName()
            + " under subject " + subject + ": " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private RegisteredSchema latestFor(String topic, String subject) {
    try {
      return registry.latest(subject);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw new SerializationException(topic + ": " + AvroSerdeConfig.USE_LATEST_VERSION + "=true but subject "
            + subject + " has no version: " + e.getMessage(), e);
      }
      throw e;
    }
  }

  private void requireReadable(String topic, String subject, RegisteredSchema latest, Schema schema) {
    String problem = latestVersionProblems.computeIfAbsent(new SchemaPair(latest.schema(), schema), pair -> {
      SchemaCompatibility.SchemaPairCompatibility check =
          SchemaCompatibility.checkReaderWriterCompatibility(pair.reader(), pair.writer());
      return check.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE
          ? "" : Incompatibilities.describe(check.getResult());
    });
    if (!problem.isEmpty()) {
      throw new SerializationException(topic + ": " + AvroSerdeConfig.USE_LATEST_VERSION + "=true but version "
          + latest.version() + " (id " + latest.id() + ") of " + subject + " cannot read "
          + schema.getFullName() + " as given: " + problem);
    }
  }

  private void encode(String topic, Object data, Schema schema, ByteArrayOutputStream out) {
    DatumWriter<Object> writer = writers.computeIfAbsent(new WriterKey(data.getClass(), schema),
        key -> modelOf(data).createDatumWriter(key.schema()));
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writer.write(data, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new SerializationException(topic + ": cannot encode " + schema.getFullName() + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code data} (of schema {@code own}) as schema {@code target}, resolving fields by name. */
  private void encodeAs(String topic, Object data, Schema own, Schema target, ByteArrayOutputStream out) {
    ByteArrayOutputStream asOwn = new ByteArrayOutputStream(256);
    encode(topic, data, own, asOwn);
    try {
      Object projected = new GenericDatumReader<>(own, target, GenericData.get())
          .read(null, DecoderFactory.get().binaryDecoder(asOwn.toByteArray(), null));
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      new GenericDatumWriter<>(target, GenericData.get()).write(projected, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GenericData modelOf(Object data) {
    if (data instanceof SpecificRecordBase specific) {
      return specific.getSpecificData();
    }
    if (data instanceof SpecificRecord) {
      return SpecificData.getForClass(data.getClass());
    }
    return GenericData.get();
  }

  @Override
  public void close() {
    // The registry client may be shared; it holds no resources of its own to release.
  }
}
