package io.paperwire.ingest.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long a server asks a client to wait: the {@code Retry-After} header as delta-seconds or as an HTTP date,
 * or, when the header is missing, arXiv's plain-text 503 body {@code Retry after 10 seconds}.
 */
public final class RetryAfter {

    private static final Pattern BODY_HINT = Pattern.compile("(?i)retry\\s+after\\s+(\\d{1,6})\\s+seconds?");

    private RetryAfter() {
    }

    /** The wait the header asks for, relative to {@code now}; empty when absent or unreadable. */
    public static Optional<Duration> fromHeader(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** The wait named in a body such as arXiv's {@code Retry after 10 seconds}; empty when there is none. */
    public static Optional<Duration> fromBody(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        Matcher matcher = BODY_HINT.matcher(head);
        return matcher.find() ? Optional.of(Duration.ofSeconds(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }
}
