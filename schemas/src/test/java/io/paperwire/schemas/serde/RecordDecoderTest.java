package io.paperwire.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.paperwire.schemas.Paper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Raw records decode into typed ones, and a bad one is reported with topic, partition and offset. */
class RecordDecoderTest {

  private static final String TOPIC = "papers.published";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient(7);
  private final RecordDecoder<String, Paper> decoder =
      new RecordDecoder<>(new StringDeserializer(), new KafkaAvroDeserializer<>(registry, Paper.class));

  private static ConsumerRecord<byte[], byte[]> raw(byte[] key, byte[] value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("source", "test".getBytes(StandardCharsets.UTF_8));
    return new ConsumerRecord<>(TOPIC, 2, 17L, 1_700_000_000_000L, TimestampType.CREATE_TIME,
        key == null ? -1 : key.length, value == null ? -1 : value.length, key, value, headers, Optional.of(5));
  }

  private byte[] paperBytes() {
    return new KafkaAvroSerializer<Paper>(registry).serialize(TOPIC, SerdeSettingsTest.paper());
  }

  @Test
  void decodesKeyAndValueKeepingWhereTheRecordCameFrom() {
    ConsumerRecord<byte[], byte[]> raw = raw("arxiv:2401.01234".getBytes(StandardCharsets.UTF_8), paperBytes());

    ConsumerRecord<String, Paper> decoded = decoder.decode(raw);

    assertThat(decoded.key()).isEqualTo("arxiv:2401.01234");
    assertThat(decoded.value()).isEqualTo(SerdeSettingsTest.paper());
    assertThat(decoded.topic()).isEqualTo(TOPIC);
    assertThat(decoded.partition()).isEqualTo(2);
    assertThat(decoded.offset()).isEqualTo(17L);
    assertThat(decoded.timestamp()).isEqualTo(1_700_000_000_000L);
    assertThat(decoded.headers().lastHeader("source")).isNotNull();
    assertThat(decoded.leaderEpoch()).hasValue(5);
  }

  @Test
  void tombstoneDecodesToNullValue() {
    assertThat(decoder.decode(raw("k".getBytes(StandardCharsets.UTF_8), null)).value()).isNull();
  }

  @Test
  void badValueNamesTopicPartitionOffsetAndKeepsTheBytes() {
    byte[] json = "{\"key\":1}".getBytes(StandardCharsets.UTF_8);
    ConsumerRecord<byte[], byte[]> raw = raw("arxiv:1".getBytes(StandardCharsets.UTF_8), json);

    RecordDeserializationException e =
        catchThrowableOfType(RecordDeserializationException.class, () -> decoder.decode(raw));

    assertThat(e).hasMessage("papers.published partition 2 offset 17: value: papers.published: unknown magic byte"
        + " 0x7b (expected 0x00): not Confluent wire format");
    assertThat(e.topicPartition()).isEqualTo(new TopicPartition(TOPIC, 2));
    assertThat(e.offset()).isEqualTo(17L);
    assertThat(e.origin()).isEqualTo(RecordDeserializationException.DeserializationExceptionOrigin.VALUE);
    assertThat(e.valueBuffer()).isEqualTo(ByteBuffer.wrap(json));
    assertThat(e.getCause()).isInstanceOf(WireFormatException.class);
  }

  @Test
  void unknownSchemaIdNamesTopicPartitionOffsetAndId() {
    byte[] bytes = {0, 0, 0, 3, (byte) 0xe7, 2};

    RecordDeserializationException e =
        catchThrowableOfType(RecordDeserializationException.class, () -> decoder.decode(raw(null, bytes)));

    assertThat(e).hasMessageStartingWith("papers.published partition 2 offset 17: value: papers.published: unknown"
        + " schema id 999");
  }

  @Test
  void describeSaysWhereARecordIsAndWhatItHolds() {
    ConsumerRecord<byte[], byte[]> good = raw("arxiv:2401.01234".getBytes(StandardCharsets.UTF_8), paperBytes());
    ConsumerRecord<byte[], byte[]> bad = raw(new byte[] {1, 2, (byte) 0xff}, "{}".getBytes(StandardCharsets.UTF_8));
    ConsumerRecord<byte[], byte[]> tombstone = raw(null, null);

    assertThat(WireFormat.describe(good)).isEqualTo("papers.published partition 2 offset 17, key"
        + " \"arxiv:2401.01234\" (16 bytes), value " + good.value().length
        + " bytes in Confluent wire format with schema id 7");
    assertThat(WireFormat.describe(bad)).isEqualTo("papers.published partition 2 offset 17, key 3 bytes starting"
        + " 0x0102ff, value 2 bytes starting 0x7b7d, not readable: unknown magic byte 0x7b (expected 0x00): not"
        + " Confluent wire format");
    assertThat(WireFormat.describe(tombstone))
        .isEqualTo("papers.published partition 2 offset 17, key null, value null (tombstone)");
  }
}
