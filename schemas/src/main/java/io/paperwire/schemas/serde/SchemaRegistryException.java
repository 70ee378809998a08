package io.paperwire.schemas.serde;

import org.apache.kafka.common.KafkaException;

/**
 * The schema registry refused a request or could not be reached. Carries the HTTP status and Confluent's
 * {@code error_code} (e.g. 40401 subject not found, 40403 schema not found, 409 incompatible schema, 42201 invalid
 * schema); both are -1 when no answer came. This is an infrastructure or contract error, not bad data: retry or stop.
 */
public class SchemaRegistryException extends KafkaException {

  private static final long serialVersionUID = 1L;

  /** Confluent error code: subject not found. */
  public static final int SUBJECT_NOT_FOUND = 40401;
  /** Confluent error code: version not found. */
  public static final int VERSION_NOT_FOUND = 40402;
  /** Confluent error code: schema not found. */
  public static final int SCHEMA_NOT_FOUND = 40403;
  /** Confluent error code: the schema is incompatible with earlier versions of the subject. */
  public static final int INCOMPATIBLE_SCHEMA = 409;
  /** Confluent error code: the schema is invalid. */
  public static final int INVALID_SCHEMA = 42201;

  private final int httpStatus;
  private final int errorCode;

  /**
   * @param httpStatus the HTTP status of the answer, -1 when there was none
   * @param errorCode Confluent's {@code error_code}, the HTTP status when the body had none, -1 without an answer
   * @param message the full message
   * @param cause the underlying error, or null
   */
  public SchemaRegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** The HTTP status of the registry's answer, -1 when it could not be reached. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent's {@code error_code}; the HTTP status when the answer had none; -1 without an answer. */
  public int errorCode() {
    return errorCode;
  }

  /** True when the registry answered that the subject, version or schema does not exist. */
  public boolean isNotFound() {
    return httpStatus == 404 || errorCode == SUBJECT_NOT_FOUND || errorCode == VERSION_NOT_FOUND
        || errorCode == SCHEMA_NOT_FOUND;
  }

  /** True when the registry rejected the schema itself (incompatible or invalid) rather than failing. */
  public boolean isSchemaRejected() {
    return errorCode == INCOMPATIBLE_SCHEMA || errorCode == INVALID_SCHEMA || httpStatus == 409 || httpStatus == 422;
  }
}
