package io.paperwire.notify.delivery.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.notify.delivery.MutableClock;
import io.paperwire.schemas.DigestSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DigestSchedulerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T00:00:00Z"));
    private final DigestScheduler scheduler = new DigestScheduler(clock);

    private static DigestTiming daily(String time, String zone) {
        return DigestTiming.of(new DigestSchedule(time, zone, null), DigestCadence.DAILY);
    }

    private static DigestTiming weekly(String time, String zone, String day) {
        return DigestTiming.of(new DigestSchedule(time, zone, day), DigestCadence.WEEKLY);
    }

    @Test
    void shouldShiftATimeInTheSpringForwardGapByTheGap() {
        DigestTiming berlin = daily("02:30", "Europe/Berlin");
        assertThat(scheduler.dueAt(berlin, LocalDate.of(2025, 3, 29))).isEqualTo("2025-03-29T01:30:00Z");
        assertThat(scheduler.dueAt(berlin, LocalDate.of(2025, 3, 30))).as("02:30 does not exist: 03:30 CEST")
                .isEqualTo("2025-03-30T01:30:00Z");
        assertThat(scheduler.dueAt(berlin, LocalDate.of(2025, 3, 31))).isEqualTo("2025-03-31T00:30:00Z");

        DigestTiming newYork = daily("02:30", "America/New_York");
        assertThat(scheduler.dueAt(newYork, LocalDate.of(2025, 3, 9))).as("03:30 EDT")
                .isEqualTo("2025-03-09T07:30:00Z");
    }

    @Test
    void shouldPickTheFirstOccurrenceOnAFallBackDay() {
        DigestTiming berlin = daily("02:30", "Europe/Berlin");
        Instant first = Instant.parse("2025-10-26T00:30:00Z");
        Instant second = Instant.parse("2025-10-26T01:30:00Z");
        assertThat(scheduler.dueAt(berlin, LocalDate.of(2025, 10, 26))).isEqualTo(first);
        assertThat(scheduler.latestDueAt(berlin, second).dueAt())
                .as("the second 02:30 is the same period, not a new one").isEqualTo(first);
        assertThat(scheduler.nextAfter(berlin, second).localDate()).isEqualTo(LocalDate.of(2025, 10, 27));

        DigestTiming newYork = daily("01:30", "America/New_York");
        assertThat(scheduler.dueAt(newYork, LocalDate.of(2025, 11, 2))).as("01:30 EDT, not 01:30 EST")
                .isEqualTo("2025-11-02T05:30:00Z");
    }

    @Test
    void shouldCoverTheMatchesSinceThePreviousDigest() {
        DigestTiming berlin = daily("08:00", "Europe/Berlin");
        DigestPeriod period = scheduler.periodOf(berlin, LocalDate.of(2025, 3, 30));

        assertThat(period.id()).isEqualTo("daily:2025-03-30");
        assertThat(period.windowStart()).isEqualTo("2025-03-29T07:00:00Z");
        assertThat(period.dueAt()).isEqualTo("2025-03-30T06:00:00Z");
        assertThat(Duration.between(period.windowStart(), period.dueAt())).as("a 23-hour day")
                .isEqualTo(Duration.ofHours(23));
    }

    @Test
    void shouldFindTheLatestAndNextPeriodOfAWeeklyDigest() {
        DigestTiming mondays = weekly("08:00", "America/New_York", "monday");
        Instant wednesday = Instant.parse("2025-06-04T12:00:00Z");

        DigestPeriod latest = scheduler.latestDueAt(mondays, wednesday);
        assertThat(latest.id()).isEqualTo("weekly:2025-06-02");
        assertThat(latest.dueAt()).isEqualTo("2025-06-02T12:00:00Z");
        assertThat(latest.windowStart()).isEqualTo("2025-05-26T12:00:00Z");
        assertThat(scheduler.nextAfter(mondays, wednesday).dueAt()).isEqualTo("2025-06-09T12:00:00Z");
        assertThat(scheduler.latestDueAt(mondays, Instant.parse("2025-06-02T11:59:59Z")).id())
                .as("a minute early is last week's").isEqualTo("weekly:2025-05-26");
    }

    @Test
    void shouldSpanTheDstChangeInAWeeklyWindow() {
        DigestTiming sundays = weekly("09:00", "America/New_York", "SUNDAY");
        DigestPeriod period = scheduler.periodOf(sundays, LocalDate.of(2025, 3, 9));
        assertThat(period.windowStart()).isEqualTo("2025-03-02T14:00:00Z");
        assertThat(period.dueAt()).isEqualTo("2025-03-09T13:00:00Z");
        assertThatThrownBy(() -> scheduler.periodOf(sundays, LocalDate.of(2025, 3, 10)))
                .hasMessageContaining("not a SUNDAY");
    }

    @Test
    void shouldDueTheSameLocalTimeAtDifferentInstantsAcrossZones() {
        LocalDate day = LocalDate.of(2025, 6, 1);
        assertThat(scheduler.dueAt(daily("08:00", "Asia/Tokyo"), day)).isEqualTo("2025-05-31T23:00:00Z");
        assertThat(scheduler.dueAt(daily("08:00", "Europe/Berlin"), day)).isEqualTo("2025-06-01T06:00:00Z");
        assertThat(scheduler.dueAt(daily("08:00", "America/New_York"), day)).isEqualTo("2025-06-01T12:00:00Z");

        clock.set(Instant.parse("2025-06-01T07:00:00Z"));
        Instant created = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(scheduler.latestDue(daily("08:00", "Asia/Tokyo"), created).orElseThrow().id())
                .isEqualTo("daily:2025-06-01");
        assertThat(scheduler.latestDue(daily("08:00", "America/New_York"), created).orElseThrow().id())
                .isEqualTo("daily:2025-05-31");
    }

    @Test
    void shouldNotDueAPeriodFromBeforeTheSubscriptionExisted() {
        clock.set(Instant.parse("2025-06-01T10:00:00Z"));
        DigestTiming berlin = daily("08:00", "Europe/Berlin");
        assertThat(scheduler.latestDue(berlin, Instant.parse("2025-06-01T09:00:00Z"))).isEmpty();
        assertThat(scheduler.latestDue(berlin, Instant.parse("2025-06-01T05:00:00Z"))).isPresent();
    }

    @Test
    void shouldExplainAnInvalidSchedule() {
        assertThatThrownBy(() -> daily("25:00", "Europe/Berlin")).hasMessageContaining("HH:MM").hasMessageContaining("25:00");
        assertThatThrownBy(() -> daily("8am", "Europe/Berlin")).hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> daily("08:00", "Mars/Olympus")).hasMessageContaining("IANA").hasMessageContaining("Mars/Olympus");
        assertThatThrownBy(() -> weekly("08:00", "Europe/Berlin", null)).hasMessageContaining("dayOfWeek");
        assertThatThrownBy(() -> weekly("08:00", "Europe/Berlin", "Caturday")).hasMessageContaining("Caturday");
    }
}
