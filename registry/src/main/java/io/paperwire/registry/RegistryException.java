package io.paperwire.registry;

/**
 * A request the registry refuses, carrying the HTTP status and Confluent's {@code error_code}, answered as
 * {@code {"error_code":…, "message":…}}.
 */
final class RegistryException extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    RegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    RegistryException(int httpStatus, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }

    int errorCode() {
        return errorCode;
    }

    /** True for a "not found" answer about registry content (404xx), as opposed to an unknown path. */
    boolean isContentNotFound() {
        return httpStatus == 404 && errorCode > 404;
    }

    static RegistryException notFound(String message) {
        return new RegistryException(404, 404, message);
    }

    static RegistryException badRequest(String message) {
        return new RegistryException(400, 400, message);
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryException versionNotFound(String subject, Object version) {
        return new RegistryException(404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
    }

    static RegistryException schemaNotFound(String message) {
        return new RegistryException(404, 40403, message);
    }

    static RegistryException subjectNotSoftDeleted(String subject) {
        return new RegistryException(404, 40405,
                "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    static RegistryException versionSoftDeleted(String subject, int version) {
        return new RegistryException(404, 40406, "Subject '" + subject + "' Version " + version
                + " was soft deleted. Set permanent=true to delete permanently");
    }

    static RegistryException versionNotSoftDeleted(String subject, int version) {
        return new RegistryException(404, 40407, "Subject '" + subject + "' Version " + version
                + " was not deleted first before being permanently deleted");
    }

    static RegistryException subjectHasNoCompatibility(String subject) {
        return new RegistryException(404, 40408,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryException incompatible(String message) {
        return new RegistryException(409, 409, message);
    }

    static RegistryException invalidSchema(String message) {
        return new RegistryException(422, 42201, message);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, 42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryException invalidCompatibility(String given) {
        return new RegistryException(422, 42203, "Invalid compatibility level '" + given + "'. Valid values are none, "
                + "backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryException storeError(String message, Throwable cause) {
        return new RegistryException(500, 50001, "Error in the backend data store: " + message, cause);
    }
}
