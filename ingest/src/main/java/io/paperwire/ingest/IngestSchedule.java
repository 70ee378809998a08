package io.paperwire.ingest;

import io.paperwire.ingest.source.PaperSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs configured sources on a cadence, for {@code paperwire up}: e.g. the arXiv feed once a day after the evening
 * announcement ({@link #AFTER_ARXIV_ANNOUNCEMENT}), Hugging Face daily papers every hour. All runs go through one
 * single-threaded executor, so they never overlap (one transactional producer, one ledger). A run that fails is
 * logged and reported; the schedule goes on.
 */
public final class IngestSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestSchedule.class);

    /** arXiv announces at 20:00 New York time, Sunday to Thursday; half an hour later the feed is complete. */
    public static final Cadence AFTER_ARXIV_ANNOUNCEMENT =
            new Cadence.Daily(LocalTime.of(20, 30), ZoneId.of("America/New_York"));

    /** When a source runs next. */
    public sealed interface Cadence permits Cadence.Daily, Cadence.Every, Cadence.Polling {

        /** The first run time strictly after {@code instant}. */
        Instant nextAfter(Instant instant);

        /** The first run of a schedule started at {@code start}. */
        default Instant firstRun(Instant start) {
            return nextAfter(start);
        }

        /** Every day at {@code at} in {@code zone}. */
        record Daily(LocalTime at, ZoneId zone) implements Cadence {
            @Override
            public Instant nextAfter(Instant instant) {
                ZonedDateTime now = instant.atZone(zone);
                ZonedDateTime today = now.toLocalDate().atTime(at).atZone(zone);
                return (today.toInstant().isAfter(instant) ? today : today.plusDays(1)).toInstant();
            }
        }

        /** Every {@code interval}, the first one {@code interval} after start. */
        record Every(Duration interval) implements Cadence {
            public Every {
                if (interval.isNegative() || interval.isZero()) {
                    throw new IllegalArgumentException("interval must be positive");
                }
            }

            @Override
            public Instant nextAfter(Instant instant) {
                return instant.plus(interval);
            }
        }

        /** At start, then every {@code interval} (for cheap incremental sources such as a directory of files). */
        record Polling(Duration interval) implements Cadence {
            public Polling {
                new Every(interval); // the same rule: positive
            }

            @Override
            public Instant nextAfter(Instant instant) {
                return new Every(interval).nextAfter(instant);
            }

            @Override
            public Instant firstRun(Instant start) {
                return start;
            }
        }
    }

    /**
     * One scheduled source.
     *
     * @param source builds a fresh source for each run (e.g. the feed with today's settings)
     */
    public record Entry(String name, Supplier<? extends PaperSource> source, Cadence cadence) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(cadence, "cadence");
        }
    }

    private final List<Entry> entries;
    private final Function<List<PaperSource>, IngestSummary> run;
    private final Consumer<IngestSummary> onSummary;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    /**
     * @param run runs sources, normally {@link IngestRuntime#run(List)}
     * @param onSummary receives each run's summary
     * @param executor a single-threaded scheduler owned by this schedule (shut down on close)
     */
    public IngestSchedule(List<Entry> entries, Function<List<PaperSource>, IngestSummary> run,
            Consumer<IngestSummary> onSummary, Clock clock, ScheduledExecutorService executor) {
        this.entries = List.copyOf(entries);
        this.run = Objects.requireNonNull(run, "run");
        this.onSummary = Objects.requireNonNull(onSummary, "onSummary");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Schedules the first run of every entry. */
    public void start() {
        entries.forEach(entry -> schedule(entry, entry.cadence().firstRun(clock.instant())));
    }

    private void scheduleNext(Entry entry) {
        schedule(entry, entry.cadence().nextAfter(clock.instant()));
    }

    private void schedule(Entry entry, Instant next) {
        Instant now = clock.instant();
        long delay = Math.max(0, Duration.between(now, next).toMillis());
        log.info("ingest schedule: {} next at {}", entry.name(), next);
        executor.schedule(() -> runOnce(entry), delay, TimeUnit.MILLISECONDS);
    }

    private void runOnce(Entry entry) {
        try (PaperSource source = entry.source().get()) {
            onSummary.accept(run.apply(List.of(source)));
        } catch (RuntimeException e) {
            log.error("scheduled ingest {} failed", entry.name(), e);
        } finally {
            if (!executor.isShutdown()) {
                scheduleNext(entry);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("an ingest run did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
