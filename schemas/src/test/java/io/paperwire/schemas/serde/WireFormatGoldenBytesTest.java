package io.paperwire.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.SignalKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** The exact bytes Confluent's serializer writes: magic byte, big-endian id, Avro's own binary encoding. */
class WireFormatGoldenBytesTest {

  private static final int SCHEMA_ID = 0x0A0B0C0D;

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(SCHEMA_ID);

  private static EngagementSignal signal() {
    return EngagementSignal.newBuilder()
        .setPaperKey("arxiv:1")
        .setKind(SignalKind.STAR)
        .setCount(150)
        .setObservedAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .setSource("hf")
        .build();
  }

  /** Written out by hand from the Avro specification, field by field. */
  private static final String EXPECTED_HEX = String.join("",
      "00", "0a0b0c0d", // magic byte, schema id big-endian
      "0e", "61727869763a31", // paperKey: length 7 (zig-zag 14), "arxiv:1"
      "04", // kind: enum index 2 (STAR), zig-zag 4
      "ac02", // count: 150, zig-zag 300 as varint
      "80a0abfef962", // observedAt: 1700000000000 ms, zig-zag varint
      "04", "6866"); // source: length 2, "hf"

  @Test
  void specificRecordIsMagicByteBigEndianIdThenAvroBinary() {
    byte[] bytes = new KafkaAvroSerializer<EngagementSignal>(registry).serialize("papers.signals", signal());

    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(EXPECTED_HEX);
  }

  @Test
  void bodyIsExactlyWhatAvrosOwnEncoderWrites() throws IOException {
    ByteArrayOutputStream avro = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(avro, null);
    new SpecificDatumWriter<>(EngagementSignal.class).write(signal(), encoder);
    encoder.flush();

    byte[] bytes = new KafkaAvroSerializer<EngagementSignal>(registry).serialize("papers.signals", signal());

    assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
    assertThat(java.util.Arrays.copyOfRange(bytes, 1, 5)).containsExactly(0x0A, 0x0B, 0x0C, 0x0D);
    assertThat(java.util.Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avro.toByteArray());
  }

  @Test
  void genericRecordWithTheSameContentGivesTheSameBytes() {
    GenericRecord generic = new GenericData.Record(EngagementSignal.getClassSchema());
    generic.put("paperKey", "arxiv:1");
    generic.put("kind", new GenericData.EnumSymbol(SignalKind.getClassSchema(), "STAR"));
    generic.put("count", 150L);
    generic.put("observedAt", 1_700_000_000_000L);
    generic.put("source", "hf");

    byte[] bytes = new KafkaAvroSerializer<GenericRecord>(registry).serialize("papers.signals", generic);

    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(EXPECTED_HEX);
  }

  @Test
  void registersTheRecordsOwnSchemaUnderTopicValueSubject() {
    new KafkaAvroSerializer<EngagementSignal>(registry).serialize("papers.signals", signal());

    RegisteredSchema registered = registry.latest("papers.signals-value");
    assertThat(registered.id()).isEqualTo(SCHEMA_ID);
    assertThat(registered.schema()).isEqualTo(EngagementSignal.getClassSchema());
  }

  @Test
  void keySerializerUsesTopicKeySubject() {
    new KafkaAvroSerializer<EngagementSignal>(registry, java.util.Map.of(), true)
        .serialize("papers.signals", signal());

    assertThat(registry.latest("papers.signals-key").id()).isEqualTo(SCHEMA_ID);
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(new KafkaAvroSerializer<EngagementSignal>(registry).serialize("papers.signals", null)).isNull();
    assertThat(new KafkaAvroDeserializer<>(registry, EngagementSignal.class).deserialize("papers.signals", null))
        .isNull();
  }
}
