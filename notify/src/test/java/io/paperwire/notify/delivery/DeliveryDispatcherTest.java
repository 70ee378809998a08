package io.paperwire.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.notify.delivery.DeliveryDispatcher.Submission;
import io.paperwire.notify.delivery.DeliveryLedger.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Unit tests of the dispatcher's retry and ledger protocol, with a scripted in-memory channel. */
class DeliveryDispatcherTest {

    record Note(DeliveryKey deliveryKey, String idempotencyKey) implements Deliverable {
        static Note forAlert(String alertId) {
            return new Note(DeliveryKey.forAlert(alertId, "test"), "<" + alertId + "@test>");
        }
    }

    /** A process dying right after the receiver accepted the message. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    /** The receiving side: every transmission it got, in order. */
    static final class Receiver {
        final List<String> transmissions = new CopyOnWriteArrayList<>();

        long distinctMessages() {
            return transmissions.stream().distinct().count();
        }
    }

    static final class ScriptedChannel implements DeliveryChannel<Note> {
        final Receiver receiver;
        final Deque<DeliveryResult> script = new ArrayDeque<>();
        boolean crashAfterAccepting;
        int calls;

        ScriptedChannel(Receiver receiver, DeliveryResult... results) {
            this.receiver = receiver;
            script.addAll(List.of(results));
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public DeliveryResult deliver(Note note) {
            calls++;
            DeliveryResult result = script.isEmpty() ? DeliveryResult.delivered("ok") : script.poll();
            if (result.isDelivered()) {
                receiver.transmissions.add(note.idempotencyKey());
                if (crashAfterAccepting) {
                    throw new SimulatedCrash();
                }
            }
            return result;
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofMinutes(5), 2.0, 0.0);

    private DeliveryDispatcher<Note> dispatcher(DeliveryChannel<Note> channel) {
        return new DeliveryDispatcher<>(channel, ledger, policy, deadLetters, DeliveryLanes.callerThread(), clock,
                new Random(3));
    }

    @Test
    void shouldDeliverOnceAndRefuseASecondSubmission() {
        ScriptedChannel channel = new ScriptedChannel(new Receiver());
        DeliveryDispatcher<Note> dispatcher = dispatcher(channel);

        assertThat(dispatcher.submit(Note.forAlert("a1"))).isEqualTo(Submission.QUEUED);
        assertThat(dispatcher.submit(Note.forAlert("a1"))).isEqualTo(Submission.ALREADY_QUEUED);
        assertThat(dispatcher.runDue()).isEqualTo(1);
        assertThat(dispatcher.submit(Note.forAlert("a1"))).isEqualTo(Submission.ALREADY_SENT);
        dispatcher.runDue();

        assertThat(channel.calls).isEqualTo(1);
        assertThat(ledger.find(Note.forAlert("a1").deliveryKey()).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(dispatcher.queued()).isZero();
    }

    @Test
    void shouldTellTheListenerEveryFinishedAttemptAfterTheLedgerRecordedIt() {
        ScriptedChannel channel = new ScriptedChannel(new Receiver(), DeliveryResult.retryable("server down"),
                DeliveryResult.delivered("250 ok"), DeliveryResult.permanent("no such mailbox"));
        List<DeliveryAttempt> heard = new CopyOnWriteArrayList<>();
        List<State> ledgerStateWhenHeard = new CopyOnWriteArrayList<>();
        DeliveryDispatcher<Note> dispatcher = new DeliveryDispatcher<>(channel, ledger, policy, deadLetters,
                DeliveryLanes.callerThread(), clock, new Random(3), attempt -> {
                    heard.add(attempt);
                    ledgerStateWhenHeard.add(ledger.find(attempt.key()).orElseThrow().state());
                });
        dispatcher.submit(Note.forAlert("a1"));
        dispatcher.runDue();
        clock.advance(Duration.ofSeconds(30));
        dispatcher.runDue();
        dispatcher.submit(Note.forAlert("a2"));
        dispatcher.runDue();

        assertThat(heard).hasSize(3);
        assertThat(heard.get(0).nextAttempt()).isPresent();
        assertThat(heard.get(1).result().isDelivered()).isTrue();
        assertThat(heard.get(2).deadLettered()).isTrue();
        assertThat(ledgerStateWhenHeard).containsExactly(State.PENDING, State.SENT, State.DEAD);
    }

    @Test
    void shouldRetryARetryableFailureOnlyWhenTheClockReachesTheBackoff() {
        ScriptedChannel channel = new ScriptedChannel(new Receiver(), DeliveryResult.retryable("server down"),
                DeliveryResult.retryable("server down"));
        DeliveryDispatcher<Note> dispatcher = dispatcher(channel);
        dispatcher.submit(Note.forAlert("a1"));

        dispatcher.runDue();
        assertThat(dispatcher.nextDueAt()).contains(clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertThat(dispatcher.runDue()).as("not due before the backoff").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.runDue()).isEqualTo(1);
        assertThat(dispatcher.nextDueAt()).contains(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        dispatcher.runDue();

        assertThat(channel.calls).isEqualTo(3);
        assertThat(dispatcher.attempts()).extracting(DeliveryAttempt::number).containsExactly(1, 2, 3);
        assertThat(dispatcher.attempts().get(2).result().isDelivered()).isTrue();
        DeliveryLedger.Entry entry = ledger.find(Note.forAlert("a1").deliveryKey()).orElseThrow();
        assertThat(entry.state()).isEqualTo(State.SENT);
        assertThat(entry.attempts()).isEqualTo(2);
        assertThat(deadLetters.all()).isEmpty();
    }

    @Test
    void shouldDeadLetterAfterMaxAttempts() {
        ScriptedChannel channel = new ScriptedChannel(new Receiver(), DeliveryResult.retryable("503"),
                DeliveryResult.retryable("503"), DeliveryResult.retryable("503 again"));
        DeliveryDispatcher<Note> dispatcher = dispatcher(channel);
        dispatcher.submit(Note.forAlert("a1"));

        for (int i = 0; i < 5; i++) {
            dispatcher.runDue();
            clock.advance(Duration.ofMinutes(10));
        }

        assertThat(channel.calls).isEqualTo(3);
        assertThat(deadLetters.all()).singleElement().satisfies(dead -> {
            assertThat(dead.attempts()).isEqualTo(3);
            assertThat(dead.lastReason()).isEqualTo("503 again");
            assertThat(dead.message()).isEqualTo(Note.forAlert("a1"));
        });
        assertThat(ledger.dead()).extracting(DeliveryLedger.Entry::key).containsExactly(Note.forAlert("a1").deliveryKey());
        assertThat(dispatcher.submit(Note.forAlert("a1"))).isEqualTo(Submission.GIVEN_UP);
    }

    @Test
    void shouldDeadLetterAPermanentFailureAtOnce() {
        ScriptedChannel channel = new ScriptedChannel(new Receiver(), DeliveryResult.permanent("550 no such user"));
        DeliveryDispatcher<Note> dispatcher = dispatcher(channel);
        dispatcher.submit(Note.forAlert("a1"));
        dispatcher.runDue();

        assertThat(channel.calls).isEqualTo(1);
        assertThat(deadLetters.all()).singleElement().extracting(DeadLetterSink.DeadDelivery::lastReason)
                .isEqualTo("550 no such user");
        assertThat(dispatcher.queued()).isZero();
    }

    @Test
    void shouldResendWithTheSameIdempotencyKeyAfterACrashBetweenSentAndRecorded() {
        Receiver receiver = new Receiver();
        ScriptedChannel crashing = new ScriptedChannel(receiver);
        crashing.crashAfterAccepting = true;
        DeliveryDispatcher<Note> beforeCrash = dispatcher(crashing);
        beforeCrash.submit(Note.forAlert("a1"));
        assertThatThrownBy(beforeCrash::runDue).isInstanceOf(SimulatedCrash.class);
        assertThat(ledger.pending()).singleElement().extracting(DeliveryLedger.Entry::idempotencyKey)
                .isEqualTo("<a1@test>");

        // Restart: a new dispatcher on the same ledger resumes what is pending.
        DeliveryDispatcher<Note> afterRestart = dispatcher(new ScriptedChannel(receiver));
        for (DeliveryLedger.Entry pending : ledger.pending()) {
            assertThat(afterRestart.submit(Note.forAlert("a1"))).isEqualTo(Submission.QUEUED);
            assertThat(pending.key()).isEqualTo(Note.forAlert("a1").deliveryKey());
        }
        afterRestart.runDue();

        assertThat(receiver.transmissions).as("at-least-once: the receiver saw the message twice, with one id")
                .containsExactly("<a1@test>", "<a1@test>");
        assertThat(receiver.distinctMessages()).isEqualTo(1);
        assertThat(ledger.isSent(Note.forAlert("a1").deliveryKey())).isTrue();
        assertThat(ledger.pending()).isEmpty();

        DeliveryDispatcher<Note> secondRestart = dispatcher(new ScriptedChannel(receiver));
        assertThat(secondRestart.submit(Note.forAlert("a1"))).isEqualTo(Submission.ALREADY_SENT);
        secondRestart.runDue();
        assertThat(receiver.transmissions).hasSize(2);
    }

    @Test
    void shouldSendOnceWhenTheCrashCameAfterTheIntentAndBeforeTheSend() {
        Receiver receiver = new Receiver();
        dispatcher(new ScriptedChannel(receiver)).submit(Note.forAlert("a1"));
        // crash: the dispatcher is gone before runDue

        DeliveryDispatcher<Note> afterRestart = dispatcher(new ScriptedChannel(receiver));
        assertThat(ledger.pending()).hasSize(1);
        afterRestart.submit(Note.forAlert("a1"));
        afterRestart.runDue();

        assertThat(receiver.transmissions).containsExactly("<a1@test>");
        assertThat(ledger.isSent(Note.forAlert("a1").deliveryKey())).isTrue();
    }

    @Test
    void shouldCarryFailedAttemptsAcrossARestart() {
        DeliveryDispatcher<Note> first = dispatcher(new ScriptedChannel(new Receiver(),
                DeliveryResult.retryable("down"), DeliveryResult.retryable("down")));
        first.submit(Note.forAlert("a1"));
        first.runDue();
        clock.advance(Duration.ofMinutes(1));
        first.runDue();

        DeliveryDispatcher<Note> second = dispatcher(new ScriptedChannel(new Receiver(),
                DeliveryResult.retryable("still down")));
        second.submit(Note.forAlert("a1"));
        second.runDue();

        assertThat(deadLetters.all()).singleElement().extracting(DeadLetterSink.DeadDelivery::attempts).isEqualTo(3);
    }

    @Test
    void shouldRefuseAResendUnderAnotherIdempotencyKey() {
        ledger.recordIntent(DeliveryKey.forAlert("a1", "test"), "<a1@test>", clock.instant());
        assertThatThrownBy(() -> ledger.recordIntent(DeliveryKey.forAlert("a1", "test"), "<other@test>",
                clock.instant()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("same key");
    }
}
