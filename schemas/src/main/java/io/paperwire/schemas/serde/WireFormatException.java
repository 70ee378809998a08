package io.paperwire.schemas.serde;

import java.util.Objects;
import java.util.OptionalInt;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes on a topic that are not a readable Confluent-wire-format Avro record. The message starts with the topic and
 * says what is wrong, e.g. {@code papers.published: unknown magic byte 0x7b (expected 0x00): not Confluent wire format}.
 * This is a data error: the record should be dead-lettered, not retried.
 */
public class WireFormatException extends SerializationException {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the bytes. */
  public enum Problem {
    /** Zero bytes where a record was expected. */
    EMPTY,
    /** Fewer than the five header bytes. */
    TOO_SHORT,
    /** The first byte is not {@link WireFormat#MAGIC_BYTE}. */
    UNKNOWN_MAGIC_BYTE,
    /** The schema registry does not know the schema id in the header. */
    UNKNOWN_SCHEMA_ID,
    /** The body does not decode with the writer schema: truncated, garbage, or bytes left over. */
    MALFORMED_BODY,
    /** The writer schema cannot be read as the reader's type (not the same record, or not compatible). */
    INCOMPATIBLE_SCHEMA
  }

  private final String topic;
  private final Problem problem;
  private final int schemaId;

  /**
   * @param topic the topic the bytes were read from
   * @param problem what is wrong
   * @param schemaId the schema id of the header, or -1 when the header could not be read
   * @param detail what is wrong, in words, without the topic
   * @param cause the underlying error, or null
   */
  public WireFormatException(String topic, Problem problem, int schemaId, String detail, Throwable cause) {
    super(topic + ": " + detail, cause);
    this.topic = topic;
    this.problem = Objects.requireNonNull(problem, "problem");
    this.schemaId = schemaId;
  }

  /** The topic the bytes came from. */
  public String topic() {
    return topic;
  }

  /** What is wrong with the bytes. */
  public Problem problem() {
    return problem;
  }

  /** The schema id of the header, when the header could be read. */
  public OptionalInt schemaId() {
    return schemaId < 0 ? OptionalInt.empty() : OptionalInt.of(schemaId);
  }
}
