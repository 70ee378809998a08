package io.paperwire.ingest.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the timestamps the sources write: ISO instants with or without offset ({@code 2017-07-27T08:18:33Z},
 * {@code 2016-10-09T00:00:00-04:00}, {@code 2024-10-22T17:59:30.000Z}), RFC 1123 dates ({@code Mon, 2 Apr 2007
 * 19:18:42 GMT}, {@code Thu, 28 Nov 2024 00:00:00 -0500}) and plain dates ({@code 2014-12-29}, read as midnight UTC).
 */
public final class SourceTimestamps {

    private SourceTimestamps() {
    }

    /** The instant, or empty when the text is blank or in none of the known forms. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            if (value.length() == 10 && value.charAt(4) == '-') {
                return Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (Character.isDigit(value.charAt(0))) {
                return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            }
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
