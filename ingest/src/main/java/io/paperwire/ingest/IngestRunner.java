package io.paperwire.ingest;

import io.paperwire.ingest.checkpoint.CheckpointStore;
import io.paperwire.ingest.dedup.DedupBatch;
import io.paperwire.ingest.dedup.IdentityRule;
import io.paperwire.ingest.dedup.PaperLedger;
import io.paperwire.ingest.dedup.Verdict;
import io.paperwire.ingest.http.Sleeper;
import io.paperwire.ingest.parse.ParseResult;
import io.paperwire.ingest.publish.BatchSink;
import io.paperwire.ingest.publish.DeadLetterFactory;
import io.paperwire.ingest.publish.OutgoingBatch;
import io.paperwire.ingest.publish.PublishException;
import io.paperwire.ingest.source.PaperSource;
import io.paperwire.ingest.source.SourceBatch;
import io.paperwire.ingest.source.SourceException;
import io.paperwire.schemas.DeadLetter;
import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.IngestCheckpoint;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs sources until each has caught up: polls them in turn from their last committed checkpoint, applies the
 * identity rule to every paper, turns parse errors into dead letters, and writes each batch (papers, signals, dead
 * letters, checkpoint) to the {@link BatchSink} as one unit. The ledger and the checkpoint store change only after
 * the sink accepted the batch.
 *
 * <p>A source whose request fails is retried after {@link Settings#retryDelay()}; after
 * {@link Settings#maxConsecutiveFailures()} failures in a row, or at once for a non-retryable failure, it is reported
 * and given up while the others go on. A batch the sink refuses ends the whole run (the broker is the problem, not
 * the source), with nothing of that batch visible. {@link #requestStop()} or an interrupt ends the run cleanly between
 * batches. Not thread-safe: one run at a time.
 */
public final class IngestRunner {

    private static final Logger log = LoggerFactory.getLogger(IngestRunner.class);

    /**
     * @param maxConsecutiveFailures failed polls in a row after which a source is given up (default 3)
     * @param retryDelay wait before polling a failed source again (default 30 s; the HTTP client already retried)
     * @param progressInterval how often a progress line is reported on long runs (default 10 s)
     * @param maxDeadLetterBytes how many raw bytes a dead letter keeps (default 64 KiB)
     */
    public record Settings(int maxConsecutiveFailures, Duration retryDelay, Duration progressInterval,
            int maxDeadLetterBytes) {
        public Settings {
            if (maxConsecutiveFailures < 1) {
                throw new IllegalArgumentException("maxConsecutiveFailures must be at least 1");
            }
            Objects.requireNonNull(retryDelay, "retryDelay");
            Objects.requireNonNull(progressInterval, "progressInterval");
        }

        public static Settings defaults() {
            return new Settings(3, Duration.ofSeconds(30), Duration.ofSeconds(10),
                    DeadLetterFactory.DEFAULT_MAX_VALUE_BYTES);
        }
    }

    private final BatchSink sink;
    private final PaperLedger ledger;
    private final CheckpointStore checkpoints;
    private final IdentityRule rule;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final IngestListener listener;
    private final DeadLetterFactory deadLetters;
    private volatile boolean stopRequested;

    public IngestRunner(BatchSink sink, PaperLedger ledger, CheckpointStore checkpoints, IdentityRule rule,
            Settings settings, Clock clock, Sleeper sleeper, IngestListener listener) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.deadLetters = new DeadLetterFactory(settings.maxDeadLetterBytes());
    }

    /** Asks a running {@link #run} to stop after the batch in hand; later runs return at once. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Per-source state of a run. */
    private static final class SourceRun {
        final PaperSource source;
        SourceCounts counts = SourceCounts.zero();
        int consecutiveFailures;
        boolean active = true;

        SourceRun(PaperSource source) {
            this.source = source;
        }
    }

    /**
     * Runs {@code sources} until each has caught up, was given up, or the run is stopped.
     *
     * @return counts per source; also handed to the listener
     */
    public IngestSummary run(List<? extends PaperSource> sources) {
        Instant started = clock.instant();
        Map<String, SourceRun> runs = new LinkedHashMap<>();
        for (PaperSource source : sources) {
            if (runs.put(source.id(), new SourceRun(source)) != null) {
                throw new IllegalArgumentException("two sources with the same id " + source.id());
            }
        }
        Instant lastProgress = started;
        Optional<String> fatal = Optional.empty();
        boolean interrupted = false;
        rounds:
        while (runs.values().stream().anyMatch(r -> r.active)) {
            for (SourceRun run : runs.values()) {
                if (!run.active) {
                    continue;
                }
                if (stopRequested || Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    break rounds;
                }
                try {
                    Optional<String> failure = step(run);
                    if (failure.isPresent()) {
                        fatal = failure;
                        break rounds;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    interrupted = true;
                    break rounds;
                }
                Instant now = clock.instant();
                if (!now.isBefore(lastProgress.plus(settings.progressInterval()))) {
                    lastProgress = now;
                    listener.progress(runs.values().stream().map(r -> r.counts)
                            .reduce(SourceCounts.zero(), SourceCounts::plus));
                }
            }
        }
        Map<String, SourceCounts> counts = new LinkedHashMap<>();
        runs.forEach((id, run) -> counts.put(id, run.counts));
        IngestSummary summary = new IngestSummary(counts, Duration.between(started, clock.instant()),
                interrupted || stopRequested, fatal);
        listener.finished(summary);
        return summary;
    }

    /** Polls one batch of one source and writes it; returns a fatal error that must end the run. */
    private Optional<String> step(SourceRun run) throws InterruptedException {
        String id = run.source.id();
        Map<String, String> position = checkpoints.position(id);
        SourceBatch batch;
        try {
            batch = run.source.poll(position);
        } catch (SourceException e) {
            sourceFailed(run, e.getMessage(), e.retryable());
            if (run.active) {
                sleeper.sleep(settings.retryDelay());
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            log.error("source {} failed unexpectedly", id, e);
            sourceFailed(run, id + ": unexpected " + e, false);
            return Optional.empty();
        }
        run.consecutiveFailures = 0;
        if (batch.results().isEmpty() && batch.nextCheckpoint().equals(position)) {
            run.active = !batch.caughtUp();
            return Optional.empty();
        }

        Instant now = clock.instant();
        DedupBatch dedup = new DedupBatch(ledger, rule);
        List<Paper> papers = new ArrayList<>();
        List<EngagementSignal> signals = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        long duplicates = 0;
        long stale = 0;
        long newVersions = 0;
        long updates = 0;
        for (ParseResult result : batch.results()) {
            if (result instanceof ParseResult.ParsedPaper sighting) {
                Verdict verdict = dedup.decide(sighting);
                if (verdict instanceof Verdict.Publish publish) {
                    papers.add(publish.paper());
                    newVersions += publish.kind() == PaperEventKind.NEW_VERSION ? 1 : 0;
                    updates += publish.kind() == PaperEventKind.METADATA_UPDATE ? 1 : 0;
                } else if (verdict instanceof Verdict.Duplicate) {
                    duplicates++;
                } else {
                    stale++;
                }
            } else if (result instanceof ParseResult.ParsedSignal signal) {
                signals.add(signal.signal());
            } else if (result instanceof ParseResult.ParseError error) {
                letters.add(deadLetters.from(error, now));
            }
        }
        IngestCheckpoint checkpoint = IngestCheckpoint.newBuilder()
                .setSourceId(id)
                .setPosition(batch.nextCheckpoint())
                .setUpdatedAt(now)
                .build();
        try {
            sink.write(new OutgoingBatch(papers, signals, letters, checkpoint));
        } catch (PublishException e) {
            run.counts = run.counts.withError(e.getMessage(), true);
            listener.sourceError(id, e.getMessage(), true);
            return Optional.of(e.getMessage());
        }
        dedup.commit();
        checkpoints.committed(checkpoint);
        run.counts = run.counts.plus(new SourceCounts(batch.results().size(), papers.size(), newVersions, updates,
                signals.size(), duplicates, stale, letters.size(), 0, 1, Optional.empty()));
        if (batch.caughtUp()) {
            run.active = false;
        }
        return Optional.empty();
    }

    private void sourceFailed(SourceRun run, String message, boolean retryable) {
        run.consecutiveFailures++;
        boolean givenUp = !retryable || run.consecutiveFailures >= settings.maxConsecutiveFailures();
        run.counts = run.counts.withError(message, givenUp);
        if (givenUp) {
            run.active = false;
        }
        log.warn("{}{}", message, givenUp ? " (giving up this source)" : " (will retry)");
        listener.sourceError(run.source.id(), message, givenUp);
    }
}
