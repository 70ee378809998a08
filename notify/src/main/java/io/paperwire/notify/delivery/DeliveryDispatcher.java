package io.paperwire.notify.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers messages through one {@link DeliveryChannel} at most once per {@link DeliveryKey} as far as the ledger
 * is concerned: {@link #submit} records the intent in the {@link DeliveryLedger} (and skips what is already sent
 * or given up); {@link #runDue} starts every attempt whose time has come, each in its lane; an attempt's outcome
 * goes to the ledger (sent, failed attempt, dead) and a retryable failure is scheduled again after the
 * {@link RetryPolicy}'s backoff, by the given {@link Clock}. Given-up deliveries go to the {@link DeadLetterSink}
 * before the ledger marks them dead, so a crash in between dead-letters twice rather than never.
 *
 * <p>Nothing runs by itself: the owner calls {@link #runDue} on a tick (and tests call it after moving the clock).
 * After a restart, the owner resubmits the messages of {@link DeliveryLedger#pending()}; they keep their
 * idempotency key and their count of failed attempts.
 *
 * @param <M> the message type of the channel
 */
public final class DeliveryDispatcher<M extends Deliverable> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);

    /** What {@link #submit} did with a message. */
    public enum Submission {
        /** Queued for an attempt. */
        QUEUED,
        /** Already waiting in this dispatcher; nothing changed. */
        ALREADY_QUEUED,
        /** The ledger says it was sent; it will not be sent again. */
        ALREADY_SENT,
        /** The ledger says it was given up; see the dead letters. */
        GIVEN_UP
    }

    private static final class Queued<M> {
        final M message;
        int failedAttempts;
        Instant dueAt;
        boolean inFlight;

        Queued(M message, int failedAttempts, Instant dueAt) {
            this.message = message;
            this.failedAttempts = failedAttempts;
            this.dueAt = dueAt;
        }
    }

    private final DeliveryChannel<M> channel;
    private final DeliveryLedger ledger;
    private final RetryPolicy retryPolicy;
    private final DeadLetterSink deadLetters;
    private final DeliveryLanes lanes;
    private final Clock clock;
    private final RandomGenerator jitter;
    private final Map<DeliveryKey, Queued<M>> queue = new LinkedHashMap<>();
    private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();
    private final DeliveryAttemptListener listener;

    public DeliveryDispatcher(DeliveryChannel<M> channel, DeliveryLedger ledger, RetryPolicy retryPolicy,
                              DeadLetterSink deadLetters, DeliveryLanes lanes, Clock clock, RandomGenerator jitter) {
        this(channel, ledger, retryPolicy, deadLetters, lanes, clock, jitter, DeliveryAttemptListener.none());
    }

    /** A dispatcher that also tells {@code listener} about every finished attempt (for metrics). */
    public DeliveryDispatcher(DeliveryChannel<M> channel, DeliveryLedger ledger, RetryPolicy retryPolicy,
                              DeadLetterSink deadLetters, DeliveryLanes lanes, Clock clock, RandomGenerator jitter,
                              DeliveryAttemptListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.lanes = Objects.requireNonNull(lanes, "lanes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** Records the intent to deliver {@code message} and queues it for the next {@link #runDue}. */
    public Submission submit(M message) {
        DeliveryKey key = message.deliveryKey();
        synchronized (this) {
            if (queue.containsKey(key)) {
                return Submission.ALREADY_QUEUED;
            }
        }
        Instant now = clock.instant();
        DeliveryLedger.Entry entry = ledger.recordIntent(key, message.idempotencyKey(), now);
        switch (entry.state()) {
            case SENT:
                return Submission.ALREADY_SENT;
            case DEAD:
                return Submission.GIVEN_UP;
            default:
                break;
        }
        synchronized (this) {
            return queue.putIfAbsent(key, new Queued<>(message, entry.attempts(), now)) == null
                    ? Submission.QUEUED : Submission.ALREADY_QUEUED;
        }
    }

    /**
     * Starts every queued attempt that is due by the clock and not already running. With
     * {@link DeliveryLanes#callerThread()} the attempts have finished when this returns.
     *
     * @return how many attempts were started
     */
    public int runDue() {
        Instant now = clock.instant();
        List<Queued<M>> due = new ArrayList<>();
        synchronized (this) {
            for (Queued<M> queued : queue.values()) {
                if (!queued.inFlight && !queued.dueAt.isAfter(now)) {
                    queued.inFlight = true;
                    due.add(queued);
                }
            }
        }
        int started = 0;
        for (Queued<M> queued : due) {
            try {
                lanes.execute(channel.laneOf(queued.message), () -> attempt(queued));
                started++;
            } catch (RejectedExecutionException e) {
                synchronized (this) {
                    queued.inFlight = false;
                    queued.dueAt = now.plus(retryPolicy.initialBackoff());
                }
                LOG.warn("{} lane '{}' is full; {} waits until {}", channel.name(), channel.laneOf(queued.message),
                        queued.message.deliveryKey(), queued.dueAt);
            }
        }
        return started;
    }

    private void attempt(Queued<M> queued) {
        DeliveryKey key = queued.message.deliveryKey();
        Instant startedAt = clock.instant();
        DeliveryResult result;
        try {
            result = channel.deliver(queued.message);
        } catch (RuntimeException e) {
            LOG.error("{} channel threw instead of returning a result for {}", channel.name(), key, e);
            result = DeliveryResult.retryable(channel.name() + " channel failed: " + e);
        }
        int number = queued.failedAttempts + 1;
        try {
            if (result instanceof DeliveryResult.Delivered) {
                ledger.recordSent(key, result.detail(), clock.instant());
                finish(key, new DeliveryAttempt(key, queued.message.idempotencyKey(), number, startedAt, result,
                        null, false));
                LOG.info("{} delivered {} ({})", channel.name(), key, result.detail());
            } else if (result instanceof DeliveryResult.PermanentFailure || retryPolicy.exhausted(number)) {
                Instant now = clock.instant();
                ledger.recordFailedAttempt(key, result.detail(), now);
                deadLetters.deadLetter(new DeadLetterSink.DeadDelivery(key, channel.name(), queued.message, number,
                        result.detail(), now));
                ledger.recordDead(key, result.detail(), now);
                finish(key, new DeliveryAttempt(key, queued.message.idempotencyKey(), number, startedAt, result,
                        null, true));
                LOG.warn("{} gave up {} after {} attempt(s): {}", channel.name(), key, number, result.detail());
            } else {
                Instant now = clock.instant();
                ledger.recordFailedAttempt(key, result.detail(), now);
                Duration backoff = retryPolicy.backoffAfter(number, jitter);
                Instant next = now.plus(backoff);
                synchronized (this) {
                    queued.failedAttempts = number;
                    queued.dueAt = next;
                    queued.inFlight = false;
                }
                record(new DeliveryAttempt(key, queued.message.idempotencyKey(), number, startedAt, result,
                        next, false));
                LOG.info("{} attempt {} of {} failed ({}); next at {}", channel.name(), number, key,
                        result.detail(), next);
            }
        } catch (RuntimeException ledgerFailure) {
            // The outcome could not be recorded. The ledger entry stays pending, so a restart resends with the
            // same idempotency key; this process stops handling it to avoid a resend loop.
            finish(key, new DeliveryAttempt(key, queued.message.idempotencyKey(), number, startedAt, result,
                    null, false));
            LOG.error("could not record the outcome of {} ({}); it stays pending in the ledger", key,
                    result.detail(), ledgerFailure);
        }
    }

    private void finish(DeliveryKey key, DeliveryAttempt attempt) {
        synchronized (this) {
            queue.remove(key);
        }
        record(attempt);
    }

    private void record(DeliveryAttempt attempt) {
        attempts.add(attempt);
        listener.attempted(attempt);
    }

    /** Every attempt made so far, in the order they finished. */
    public List<DeliveryAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Deliveries waiting for an attempt or in one. */
    public synchronized int queued() {
        return queue.size();
    }

    /** The earliest due time of a queued delivery that is not running, for the owner's tick. */
    public synchronized Optional<Instant> nextDueAt() {
        return queue.values().stream().filter(q -> !q.inFlight).map(q -> q.dueAt).min(Instant::compareTo);
    }

    /** The channel this dispatcher sends through. */
    public DeliveryChannel<M> channel() {
        return channel;
    }
}
