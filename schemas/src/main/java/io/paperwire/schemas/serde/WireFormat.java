package io.paperwire.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The Confluent wire format: {@code [magic byte 0x00][schema id, 4 bytes big-endian][Avro binary body]}.
 *
 * <p>Subjects follow Confluent's TopicNameStrategy: {@code <topic>-key} for keys, {@code <topic>-value} for values.
 */
public final class WireFormat {

  /** The first byte of every record in this format. */
  public static final byte MAGIC_BYTE = 0x0;
  /** Size of the schema id that follows the magic byte. */
  public static final int SCHEMA_ID_SIZE = 4;
  /** Magic byte plus schema id: where the Avro body starts. */
  public static final int HEADER_SIZE = 1 + SCHEMA_ID_SIZE;

  private WireFormat() {}

  /** The subject of a topic's keys or values under TopicNameStrategy: {@code <topic>-key} / {@code <topic>-value}. */
  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  /** Writes the five header bytes for {@code schemaId} to {@code out}. */
  public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.write(schemaId >>> 24);
    out.write(schemaId >>> 16);
    out.write(schemaId >>> 8);
    out.write(schemaId);
  }

  /**
   * Reads the schema id from the header of {@code bytes} read from {@code topic}.
   *
   * @throws WireFormatException when the bytes are empty, shorter than the header, or start with another magic byte
   */
  public static int schemaId(String topic, byte[] bytes) {
    if (bytes.length == 0) {
      throw new WireFormatException(topic, WireFormatException.Problem.EMPTY, -1,
          "empty record (0 bytes): not Confluent wire format (expected magic byte 0x00, 4-byte schema id, Avro body)",
          null);
    }
    if (bytes[0] != MAGIC_BYTE) {
      throw new WireFormatException(topic, WireFormatException.Problem.UNKNOWN_MAGIC_BYTE, -1,
          String.format("unknown magic byte 0x%02x (expected 0x00): not Confluent wire format", bytes[0] & 0xff),
          null);
    }
    if (bytes.length < HEADER_SIZE) {
      throw new WireFormatException(topic, WireFormatException.Problem.TOO_SHORT, -1,
          bytes.length + " bytes is too short for Confluent wire format (needs at least " + HEADER_SIZE
              + ": magic byte and 4-byte schema id)", null);
    }
    return ((bytes[1] & 0xff) << 24) | ((bytes[2] & 0xff) << 16) | ((bytes[3] & 0xff) << 8) | (bytes[4] & 0xff);
  }

  /**
   * One line for logs and dead-letter messages saying where a raw record is and what its key and value look like,
   * e.g. {@code papers.published partition 2 offset 17, key "arxiv:2401.01234" (16 bytes), value 812 bytes in
   * Confluent wire format with schema id 3}. Never throws on bad bytes: it says what is wrong with them instead.
   */
  public static String describe(ConsumerRecord<byte[], byte[]> record) {
    return record.topic() + " partition " + record.partition() + " offset " + record.offset()
        + ", key " + describeKey(record.key())
        + ", value " + describeValue(record.topic(), record.value());
  }

  private static String describeKey(byte[] key) {
    if (key == null) {
      return "null";
    }
    String text = new String(key, StandardCharsets.UTF_8);
    boolean printable = text.codePoints().noneMatch(cp -> Character.isISOControl(cp) || cp == 0xFFFD);
    if (!printable) {
      return key.length + " bytes starting " + hex(key, 16);
    }
    String shown = text.length() <= 80 ? text : text.substring(0, 80) + "...";
    return "\"" + shown + "\" (" + key.length + " bytes)";
  }

  private static String describeValue(String topic, byte[] value) {
    if (value == null) {
      return "null (tombstone)";
    }
    try {
      int id = schemaId(topic, value);
      return value.length + " bytes in Confluent wire format with schema id " + id;
    } catch (WireFormatException e) {
      return value.length + " bytes starting " + hex(value, 16) + ", not readable: "
          + e.getMessage().substring(topic.length() + 2);
    }
  }

  private static String hex(byte[] bytes, int max) {
    StringBuilder s = new StringBuilder("0x");
    for (int i = 0; i < Math.min(bytes.length, max); i++) {
      s.append(String.format("%02x", bytes[i] & 0xff));
    }
    return bytes.length > max ? s.append("...").toString() : s.toString();
  }
}
