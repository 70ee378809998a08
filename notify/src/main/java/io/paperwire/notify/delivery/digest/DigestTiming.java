package io.paperwire.notify.delivery.digest;

import io.paperwire.schemas.DigestSchedule;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * A validated {@link DigestSchedule}: the local time, the IANA zone and, for weekly digests, the day.
 *
 * @param cadence   daily or weekly
 * @param localTime local time of day the digest is due
 * @param zone      the subscriber's time zone
 * @param dayOfWeek the day of a weekly digest; null for a daily one
 */
public record DigestTiming(DigestCadence cadence, LocalTime localTime, ZoneId zone, DayOfWeek dayOfWeek) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public DigestTiming {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(localTime, "localTime");
        Objects.requireNonNull(zone, "zone");
        if (cadence == DigestCadence.WEEKLY && dayOfWeek == null) {
            throw new IllegalArgumentException("a weekly digest needs a dayOfWeek (MONDAY..SUNDAY)");
        }
        if (cadence == DigestCadence.DAILY) {
            dayOfWeek = null;
        }
    }

    /**
     * Reads and checks a schedule.
     *
     * @throws IllegalArgumentException naming the field that is wrong: a time that is not HH:MM, an unknown time
     *                                  zone, a missing or unknown day of a weekly digest
     */
    public static DigestTiming of(DigestSchedule schedule, DigestCadence cadence) {
        LocalTime time;
        try {
            time = LocalTime.parse(schedule.getTime().strip(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("digest time must be HH:MM (24 h), got '" + schedule.getTime() + "'", e);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(schedule.getTimeZone().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("digest timeZone must be an IANA time zone such as Europe/Berlin, got '"
                    + schedule.getTimeZone() + "'", e);
        }
        DayOfWeek day = null;
        if (cadence == DigestCadence.WEEKLY) {
            String given = schedule.getDayOfWeek();
            if (given == null || given.isBlank()) {
                throw new IllegalArgumentException("a weekly digest needs dayOfWeek (MONDAY..SUNDAY)");
            }
            try {
                day = DayOfWeek.valueOf(given.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dayOfWeek must be MONDAY..SUNDAY, got '" + given + "'", e);
            }
        }
        return new DigestTiming(cadence, time, zone, day);
    }
}
