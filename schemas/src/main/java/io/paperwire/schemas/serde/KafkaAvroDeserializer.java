package io.paperwire.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka {@link Deserializer} reading Avro records in the Confluent wire format ({@code 0x00}, 4-byte big-endian schema
 * id, Avro binary body), as written by Confluent's {@code KafkaAvroSerializer} or {@link KafkaAvroSerializer}.
 *
 * <p>The writer's schema is fetched from the registry by the id in the header (and cached). The reader's schema is:
 * <ul>
 *   <li>the given generated class's schema ({@link #KafkaAvroDeserializer(SchemaRegistryClient, Class)}): the writer's
 *       data is resolved into it by Avro's rules (new fields get defaults, removed ones are skipped);</li>
 *   <li>with {@code specific.avro.reader=true} and no class given, the generated class named like the writer
 *       schema;</li>
 *   <li>otherwise the writer's schema itself, giving a {@link GenericRecord}.</li>
 * </ul>
 *
 * <p>{@code null} deserialises to {@code null} (a tombstone). Bytes that are not a record of this format, name an
 * unknown schema id, or do not decode raise {@link WireFormatException} naming the topic and the problem; the body is
 * checked against the writer schema before decoding, so garbage never makes Avro allocate huge buffers. A registry
 * that cannot be reached raises {@link SchemaRegistryException}. Thread-safe.
 *
 * @param <T> the record type: a generated class, or {@code GenericRecord}
 */
public class KafkaAvroDeserializer<T> implements Deserializer<T> {

  private SchemaRegistryClient registry;
  private AvroSerdeConfig config;
  private final Class<T> specificType;
  private final ConcurrentMap<Integer, Decoding> decodings = new ConcurrentHashMap<>();

  /**
   * How records written with one schema id are read: the reader, the body check, or why they cannot be read.
   * Exactly one of {@code reader} and {@code unreadable} is set.
   */
  private record Decoding(Schema writer, AvroBodyCheck check, DatumReader<Object> reader, String unreadable) {}

  /**
   * For Kafka's {@code key.deserializer}/{@code value.deserializer} by class name: {@link #configure} must follow.
   * Returns {@code GenericRecord}s, or generated classes with {@code specific.avro.reader=true}.
   */
  public KafkaAvroDeserializer() {
    this.specificType = null;
  }

  /** A deserializer returning {@code GenericRecord}s read with the writer's schema, sharing {@code registry}. */
  public KafkaAvroDeserializer(SchemaRegistryClient registry) {
    this(registry, Map.of());
  }

  /** Like {@link #KafkaAvroDeserializer(SchemaRegistryClient)}, with serde settings ({@link AvroSerdeConfig}). */
  public KafkaAvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.config = AvroSerdeConfig.from(configs);
    this.specificType = null;
  }

  /** A deserializer returning instances of the generated class {@code specificType}, sharing {@code registry}. */
  public KafkaAvroDeserializer(SchemaRegistryClient registry, Class<T> specificType) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.config = AvroSerdeConfig.from(Map.of());
    this.specificType = requireSpecific(specificType);
  }

  /** A deserializer for the generated class {@code specificType}, to be configured with {@link #configure}. */
  public KafkaAvroDeserializer(Class<T> specificType) {
    this.specificType = requireSpecific(specificType);
  }

  private static <T> Class<T> requireSpecific(Class<T> type) {
    if (!SpecificRecord.class.isAssignableFrom(Objects.requireNonNull(type, "specificType"))) {
      throw new IllegalArgumentException(type.getName() + " is not a generated Avro class (SpecificRecord)");
    }
    return type;
  }

  /** Reads the settings; creates an {@link HttpSchemaRegistryClient} unless one was given to the constructor. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = AvroSerdeConfig.from(configs);
    if (registry == null) {
      registry = new HttpSchemaRegistryClient(config);
    }
    decodings.clear();
  }

  @Override
  public T deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (registry == null || config == null) {
      throw new IllegalStateException("KafkaAvroDeserializer used before configure(): set "
          + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or pass a SchemaRegistryClient");
    }
    int id = WireFormat.schemaId(topic, bytes);
    Decoding decoding = decodingFor(topic, id);
    if (decoding.unreadable() != null) {
      throw new WireFormatException(topic, WireFormatException.Problem.INCOMPATIBLE_SCHEMA, id,
          decoding.unreadable(), null);
    }
    Optional<String> problem = decoding.check().problem(bytes, WireFormat.HEADER_SIZE);
    if (problem.isPresent()) {
      throw malformed(topic, id, decoding.writer(), problem.get(), null);
    }
    BinaryDecoder decoder = DecoderFactory.get()
        .binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE, null);
    try {
      @SuppressWarnings("unchecked")
      T value = (T) decoding.reader().read(null, decoder);
      return value;
    } catch (IOException | RuntimeException e) {
      throw malformed(topic, id, decoding.writer(), e.toString(), e);
    }
  }

  private static WireFormatException malformed(String topic, int id, Schema writer, String what, Throwable cause) {
    return new WireFormatException(topic, WireFormatException.Problem.MALFORMED_BODY, id,
        "body does not decode as " + writer.getFullName() + " (schema id " + id + "): " + what, cause);
  }

  private Decoding decodingFor(String topic, int id) {
    Decoding known = decodings.get(id);
    if (known != null) {
      return known;
    }
    Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (SchemaRegistryException e) {
      if (e.isNotFound()) {
        throw new WireFormatException(topic, WireFormatException.Problem.UNKNOWN_SCHEMA_ID, id,
            "unknown schema id " + id + ": the schema registry has no such schema (" + e.getMessage() + ")", e);
      }
      throw e;
    }
    Decoding decoding = readerFor(writer, id);
    Decoding previous = decodings.putIfAbsent(id, decoding);
    return previous != null ? previous : decoding;
  }

  @SuppressWarnings("unchecked")
  private Decoding readerFor(Schema writer, int id) {
    AvroBodyCheck check = new AvroBodyCheck(writer);
    Class<?> type = specificType;
    if (type == null && config.specificAvroReader()) {
      type = SpecificData.get().getClass(writer);
      if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
        return new Decoding(writer, check, null, AvroSerdeConfig.SPECIFIC_AVRO_READER + "=true but there is no"
            + " generated class " + writer.getFullName() + " (schema id " + id + ") on the classpath");
      }
    }
    if (type == null) {
      GenericData model = GenericData.get();
      return new Decoding(writer, check, (DatumReader<Object>) model.createDatumReader(writer, writer), null);
    }
    SpecificData model = SpecificData.getForClass(type);
    Schema reader = model.getSchema(type);
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return new Decoding(writer, check, null, "schema id " + id + " (" + writer.getFullName()
          + ") cannot be read as " + reader.getFullName() + ": "
          + Incompatibilities.describe(compatibility.getResult()));
    }
    return new Decoding(writer, check, (DatumReader<Object>) model.createDatumReader(writer, reader), null);
  }

  @Override
  public void close() {
    // The registry client may be shared; it holds no resources of its own to release.
  }
}
