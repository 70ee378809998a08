package io.paperwire.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.IngestCheckpoint;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.TrendingScore;
import io.paperwire.schemas.serde.WireFormatException.Problem;
import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.avro.generic.GenericRecord;

/** Bytes that are not a record of the wire format fail with {@link WireFormatException} naming topic and problem. */
class CorruptBytesTest {

  private static final String TOPIC = "papers.published";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final KafkaAvroDeserializer<Paper> papers = new KafkaAvroDeserializer<>(registry, Paper.class);
  private final KafkaAvroDeserializer<GenericRecord> generic = new KafkaAvroDeserializer<>(registry);

  private Paper samplePaper;

  /** A random valid paper, the same one for every try of a property (sampling is slow). */
  private byte[] validPaper() {
    if (samplePaper == null) {
      samplePaper = AvroArbitraries.specific(Paper.class).sample();
    }
    return new KafkaAvroSerializer<Paper>(registry).serialize(TOPIC, samplePaper);
  }

  @Example
  void emptyBytesAreNotAFormat() {
    WireFormatException e = catchThrowableOfType(WireFormatException.class,
        () -> papers.deserialize(TOPIC, new byte[0]));

    assertThat(e.problem()).isEqualTo(Problem.EMPTY);
    assertThat(e.topic()).isEqualTo(TOPIC);
    assertThat(e).hasMessageStartingWith("papers.published: empty record (0 bytes)");
  }

  @Example
  void jsonIsAnUnknownMagicByte() {
    byte[] json = "{\"key\":\"arxiv:1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> papers.deserialize(TOPIC, json))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("papers.published: unknown magic byte 0x7b (expected 0x00): not Confluent wire format");
  }

  @Example
  void headerShorterThanFiveBytesIsTooShort() {
    WireFormatException e = catchThrowableOfType(WireFormatException.class,
        () -> papers.deserialize(TOPIC, new byte[] {0, 0, 1}));

    assertThat(e.problem()).isEqualTo(Problem.TOO_SHORT);
    assertThat(e).hasMessage("papers.published: 3 bytes is too short for Confluent wire format (needs at least 5:"
        + " magic byte and 4-byte schema id)");
  }

  @Example
  void unknownSchemaIdNamesTheIdAndTheTopic() {
    byte[] bytes = {0, 0, 0, 0x30, 0x39, 2, 4};

    WireFormatException e = catchThrowableOfType(WireFormatException.class, () -> papers.deserialize(TOPIC, bytes));

    assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_SCHEMA_ID);
    assertThat(e.schemaId()).hasValue(12345);
    assertThat(e).hasMessageStartingWith("papers.published: unknown schema id 12345");
  }

  @Example
  void truncatedBodySaysWhereItEnded() {
    byte[] valid = validPaper();
    byte[] truncated = Arrays.copyOf(valid, valid.length - 1);

    WireFormatException e = catchThrowableOfType(WireFormatException.class,
        () -> papers.deserialize(TOPIC, truncated));

    assertThat(e.problem()).isEqualTo(Problem.MALFORMED_BODY);
    assertThat(e).hasMessageContaining("papers.published: body does not decode as io.paperwire.schemas.Paper")
        .hasMessageContaining("truncated");
  }

  @Example
  void bytesLeftOverAfterTheRecordAreMalformed() {
    byte[] valid = validPaper();
    byte[] longer = Arrays.copyOf(valid, valid.length + 2);

    assertThatThrownBy(() -> papers.deserialize(TOPIC, longer))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("2 bytes left over after the record");
  }

  @Example
  void hugeClaimedStringLengthFailsWithoutAllocating() {
    int id = registry.register("x", Paper.getClassSchema());
    // key: a string claiming 2^30 bytes, followed by almost nothing
    byte[] bytes = {0, 0, 0, 0, (byte) id, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08, 'a'};

    assertThatThrownBy(() -> papers.deserialize(TOPIC, bytes))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("truncated: string at field key needs 1073741824 bytes, 1 left");
  }

  @Example
  void recordOfAnotherTypeIsIncompatibleNotGarbage() {
    Alert alert = AvroArbitraries.specific(Alert.class).sample();
    byte[] bytes = new KafkaAvroSerializer<Alert>(registry).serialize(TOPIC, alert);

    WireFormatException e = catchThrowableOfType(WireFormatException.class, () -> papers.deserialize(TOPIC, bytes));

    assertThat(e.problem()).isEqualTo(Problem.INCOMPATIBLE_SCHEMA);
    assertThat(e).hasMessageContaining("(io.paperwire.schemas.Alert) cannot be read as io.paperwire.schemas.Paper");
  }

  @Property(tries = 2000)
  void arbitraryBytesEitherDecodeOrFailClearly(@ForAll byte[] bytes) {
    registry.register("any", Paper.getClassSchema());
    assertDecodesOrFailsClearly(bytes);
  }

  @Provide
  Arbitrary<byte[]> headerWithKnownIdThenGarbage() {
    registry.register("p", Paper.getClassSchema());
    registry.register("e", EnrichedPaper.getClassSchema());
    registry.register("c", IngestCheckpoint.getClassSchema());
    registry.register("t", TrendingScore.getClassSchema());
    Arbitrary<Integer> ids = Arbitraries.integers().between(1, 5);
    Arbitrary<byte[]> bodies = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    return Combinators.combine(ids, bodies).as((id, body) -> {
      byte[] bytes = new byte[WireFormat.HEADER_SIZE + body.length];
      bytes[4] = (byte) (int) id;
      System.arraycopy(body, 0, bytes, WireFormat.HEADER_SIZE, body.length);
      return bytes;
    });
  }

  @Property(tries = 3000)
  void garbageBodiesAfterAValidHeaderFailClearly(@ForAll("headerWithKnownIdThenGarbage") byte[] bytes) {
    assertDecodesOrFailsClearly(bytes);
  }

  @Property(tries = 300)
  void everyStrictPrefixOfAValidRecordFails(@ForAll @IntRange(min = 0, max = 10_000) int cut) {
    byte[] valid = validPaper();
    byte[] prefix = Arrays.copyOf(valid, cut % valid.length);

    assertThatThrownBy(() -> papers.deserialize(TOPIC, prefix)).isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith(TOPIC + ": ");
  }

  @Property(tries = 500)
  void flippingOneByteOfAValidRecordNeverCrashes(@ForAll @IntRange(min = 0, max = 10_000) int where,
      @ForAll byte xor) {
    byte[] bytes = validPaper();
    bytes[where % bytes.length] ^= xor;
    assertDecodesOrFailsClearly(bytes);
  }

  private void assertDecodesOrFailsClearly(byte[] bytes) {
    for (KafkaAvroDeserializer<?> deserializer : new KafkaAvroDeserializer<?>[] {papers, generic}) {
      try {
        Object value = deserializer.deserialize(TOPIC, bytes);
        assertThat(value).isNotNull();
      } catch (WireFormatException e) {
        assertThat(e.topic()).isEqualTo(TOPIC);
        assertThat(e.getMessage()).startsWith(TOPIC + ": ").hasSizeGreaterThan(TOPIC.length() + 10);
      }
    }
  }

  @Example
  void timestampsAtTheEdgesOfLongSurvive() {
    Paper paper = papers.deserialize(TOPIC, validPaper());
    paper.setIngestedAt(Instant.ofEpochMilli(Long.MIN_VALUE));
    paper.setFirstPublishedAt(Instant.ofEpochMilli(Long.MAX_VALUE));
    byte[] bytes = new KafkaAvroSerializer<Paper>(registry).serialize(TOPIC, paper);

    Paper back = papers.deserialize(TOPIC, bytes);

    assertThat(back.getIngestedAt()).isEqualTo(Instant.ofEpochMilli(Long.MIN_VALUE));
    assertThat(back.getFirstPublishedAt()).isEqualTo(Instant.ofEpochMilli(Long.MAX_VALUE));
  }
}
