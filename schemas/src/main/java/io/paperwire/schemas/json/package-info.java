/**
 * Avro records as plain JSON for people and pipes ({@code paperwire feed}, {@code --dry-run}): fields by name, unions
 * unwrapped, enums as symbols, timestamps as ISO-8601. For Avro's own JSON encoding use Avro's {@code JsonEncoder}.
 */
package io.paperwire.schemas.json;
