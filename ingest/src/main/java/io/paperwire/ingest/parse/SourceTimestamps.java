package io.paperwire.ingest.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
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
            Instant common = rfc1123InGmt(value);
            return Optional.of(common != null ? common
                    : ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    /**
     * The form every snapshot version date has, {@code Mon, 2 Apr 2007 19:18:42 GMT}, read by hand (the formatter
     * costs several microseconds a call); null for anything else, which the formatter then reads. It accepts only
     * text the formatter reads to the same instant: a valid date whose day of the week is right, and a valid time.
     */
    static Instant rfc1123InGmt(String value) {
        int length = value.length();
        if ((length != 28 && length != 29) || value.charAt(3) != ',' || value.charAt(4) != ' '
                || !value.endsWith(" GMT")) {
            return null;
        }
        int p = length - 22; // just after the day of the month, which has one or two digits
        int day = digits(value, 5, p);
        int month = MONTHS.indexOf(value.substring(p + 1, p + 4)) + 1;
        int year = digits(value, p + 5, p + 9);
        int hour = digits(value, p + 10, p + 12);
        int minute = digits(value, p + 13, p + 15);
        int second = digits(value, p + 16, p + 18);
        if (value.charAt(p) != ' ' || value.charAt(p + 4) != ' ' || value.charAt(p + 9) != ' '
                || value.charAt(p + 12) != ':' || value.charAt(p + 15) != ':' || day < 1 || month < 1
                || year < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (date.getDayOfWeek().getValue() != DAYS.indexOf(value.substring(0, 3)) + 1) {
            return null;
        }
        return date.atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    /** The number written in {@code value[from, to)}, -1 unless every char there is an ASCII digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }
}
