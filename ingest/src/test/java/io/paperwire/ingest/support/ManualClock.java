package io.paperwire.ingest.support;

import io.paperwire.ingest.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that moves only when told; its {@link #sleeper()} advances it instead of waiting and records each wait. */
public final class ManualClock extends Clock {

    private volatile Instant now;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    public ManualClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Sleeps that advance this clock. */
    public Sleeper sleeper() {
        return duration -> {
            sleeps.add(duration);
            advance(duration);
        };
    }

    /** Every wait asked of {@link #sleeper()}, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
