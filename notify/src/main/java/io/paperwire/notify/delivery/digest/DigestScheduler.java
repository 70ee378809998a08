package io.paperwire.notify.delivery.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

/**
 * Says when digests are due. A digest belongs to a local date and is due at the subscriber's local time on that
 * date, in their IANA zone. Each local date maps to exactly one instant, so daylight-saving changes neither skip
 * nor repeat a digest: when the local time does not exist (a 02:30 digest on a spring-forward day) it is due at
 * the same wall-clock distance after the gap (03:30); when it exists twice (fall-back) it is due at the first one.
 * The current time comes from the {@link Clock}.
 */
public final class DigestScheduler {

    private final Clock clock;

    public DigestScheduler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Now, by the scheduler's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** The instant the digest of {@code localDate} is due (see the class comment for DST). */
    public Instant dueAt(DigestTiming timing, LocalDate localDate) {
        // ZonedDateTime.of moves a time in a gap forward by the gap's length and picks the earlier offset in an
        // overlap: exactly the rule described above.
        return ZonedDateTime.of(localDate, timing.localTime(), timing.zone()).toInstant();
    }

    /** The period of {@code localDate}; for a weekly digest the date must fall on its day. */
    public DigestPeriod periodOf(DigestTiming timing, LocalDate localDate) {
        if (timing.cadence() == DigestCadence.WEEKLY && localDate.getDayOfWeek() != timing.dayOfWeek()) {
            throw new IllegalArgumentException(localDate + " is a " + localDate.getDayOfWeek() + ", not a "
                    + timing.dayOfWeek());
        }
        return new DigestPeriod(timing.cadence(), localDate, dueAt(timing, localDate),
                dueAt(timing, localDate.minusDays(step(timing))));
    }

    /** The latest period due at or before {@code at}. */
    public DigestPeriod latestDueAt(DigestTiming timing, Instant at) {
        LocalDate date = candidateOnOrBefore(timing, at.atZone(timing.zone()).toLocalDate());
        while (dueAt(timing, date).isAfter(at)) {
            date = date.minusDays(step(timing));
        }
        return periodOf(timing, date);
    }

    /** The latest period due by the clock, if it is due after {@code notBefore} (e.g. the subscription's creation). */
    public Optional<DigestPeriod> latestDue(DigestTiming timing, Instant notBefore) {
        DigestPeriod latest = latestDueAt(timing, now());
        return latest.dueAt().isAfter(notBefore) ? Optional.of(latest) : Optional.empty();
    }

    /** The first period due strictly after {@code after}: when to wake up next. */
    public DigestPeriod nextAfter(DigestTiming timing, Instant after) {
        DigestPeriod latest = latestDueAt(timing, after);
        return periodOf(timing, latest.localDate().plusDays(step(timing)));
    }

    private static LocalDate candidateOnOrBefore(DigestTiming timing, LocalDate date) {
        return timing.cadence() == DigestCadence.WEEKLY
                ? date.with(TemporalAdjusters.previousOrSame(timing.dayOfWeek())) : date;
    }

    private static int step(DigestTiming timing) {
        return timing.cadence() == DigestCadence.WEEKLY ? 7 : 1;
    }
}
