package io.paperwire.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-read RFC 1123 form gives what the formatter gives, and leaves every other text to the formatter. */
class SourceTimestampsTest {

    @Test
    void readsTheSnapshotDateFormAsTheFormatterDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime time = LocalDateTime.of(1990 + random.nextInt(40), 1 + random.nextInt(12), 1,
                    random.nextInt(24), random.nextInt(60), random.nextInt(60)).plusDays(random.nextInt(31));
            String text = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.atOffset(ZoneOffset.UTC));
            Instant expected = time.toInstant(ZoneOffset.UTC);
            assertThat(SourceTimestamps.rfc1123InGmt(text)).as(text).isEqualTo(expected);
            assertThat(SourceTimestamps.parse(text)).as(text).hasValue(expected);
        }
    }

    @Test
    void leavesOddFormsToTheFormatter() {
        List<String> odd = List.of("Tue, 2 Apr 2007 19:18:42 GMT", "Mon, 31 Apr 2007 19:18:42 GMT",
                "Mon, 2 Apr 2007 24:18:42 GMT", "Mon, 2 Apr 2007 19:60:42 GMT", "Mon, 2 Apr 2007 19:18:60 GMT",
                "mon, 2 apr 2007 19:18:42 GMT", "Mon, 2 Foo 2007 19:18:42 GMT", "Mon,  2 Apr 2007 19:18:42 GMT",
                "Mon, 02 Apr 2007 19:18:42 GMT", "Mon, 2 Apr 2007 19:18:42 +0000", "Thu, 28 Nov 2024 00:00:00 -0500",
                "Mon, 2 Apr 2007 19:18 GMT", "Mon 2 Apr 2007 19:18:42 GMT", "Mon, x Apr 2007 19:18:42 GMT",
                "Mon, 2 Apr 20O7 19:18:42 GMT", "Sun, 29 Feb 2009 10:00:00 GMT");
        for (String text : odd) {
            Instant fast = SourceTimestamps.rfc1123InGmt(text);
            Optional<Instant> formatter;
            try {
                formatter = Optional.of(ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                formatter = Optional.empty();
            }
            if (fast != null) {
                assertThat(formatter).as(text).hasValue(fast);
            }
            assertThat(SourceTimestamps.parse(text)).as(text).isEqualTo(formatter);
        }
        assertThat(SourceTimestamps.rfc1123InGmt("Tue, 2 Apr 2007 19:18:42 GMT")).isNull();
        assertThat(SourceTimestamps.rfc1123InGmt("Mon, 02 Apr 2007 19:18:42 GMT"))
                .isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
    }
}
