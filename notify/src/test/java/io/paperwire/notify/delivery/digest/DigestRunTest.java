package io.paperwire.notify.delivery.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.notify.delivery.DeliveryChannel;
import io.paperwire.notify.delivery.DeliveryDispatcher;
import io.paperwire.notify.delivery.DeliveryFixtures;
import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.DeliveryLanes;
import io.paperwire.notify.delivery.DeliveryResult;
import io.paperwire.notify.delivery.InMemoryDeadLetters;
import io.paperwire.notify.delivery.InMemoryDeliveryLedger;
import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.MutableClock;
import io.paperwire.notify.delivery.RetryPolicy;
import io.paperwire.notify.delivery.TrendingPaper;
import io.paperwire.notify.delivery.email.AlertMailComposer;
import io.paperwire.notify.delivery.email.OutgoingMail;
import io.paperwire.notify.delivery.email.SmtpSettings;
import io.paperwire.schemas.DigestSchedule;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Digest runs driven tick by tick by a controlled clock, with the in-memory ledger. */
class DigestRunTest {

    /** The mail server's side: what arrived, when. */
    record Arrival(Instant at, OutgoingMail mail) {
    }

    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("crashed after the server accepted the mail");
        }
    }

    final class Inbox implements DeliveryChannel<OutgoingMail> {
        final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        boolean crashAfterAccepting;

        @Override
        public String name() {
            return "email";
        }

        @Override
        public DeliveryResult deliver(OutgoingMail mail) {
            arrivals.add(new Arrival(clock.instant(), mail));
            if (crashAfterAccepting) {
                crashAfterAccepting = false;
                throw new SimulatedCrash();
            }
            return DeliveryResult.delivered("accepted");
        }

        long distinctMessageIds() {
            return arrivals.stream().map(a -> a.mail().messageId()).distinct().count();
        }
    }

    final class ListContent implements DigestContentSource {
        final List<MatchedPaper> matches = new ArrayList<>();
        final List<TrendingPaper> trending = new ArrayList<>();
        final List<Instant[]> windows = new ArrayList<>();

        @Override
        public List<MatchedPaper> matches(Subscription subscription, Instant from, Instant to) {
            windows.add(new Instant[] {from, to});
            return matches.stream()
                    .filter(m -> m.alert().getSubscriptionId().equals(subscription.getId()))
                    .filter(m -> !m.alert().getMatchedAt().isBefore(from) && m.alert().getMatchedAt().isBefore(to))
                    .toList();
        }

        @Override
        public List<TrendingPaper> trending(Instant at, int limit) {
            return trending.stream().limit(limit).toList();
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final ListContent content = new ListContent();
    private final Inbox inbox = new Inbox();
    private final AlertMailComposer composer = new AlertMailComposer(
            SmtpSettings.unconfigured("paperwire <alerts@paperwire.test>", URI.create("https://paperwire.test")),
            clock);

    /** One "process": a dispatcher and a digest run on the shared ledger. */
    private final class Process {
        final DeliveryDispatcher<OutgoingMail> dispatcher = new DeliveryDispatcher<>(inbox, ledger,
                new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(10), 2.0, 0.0), new InMemoryDeadLetters(),
                DeliveryLanes.callerThread(), clock, new Random(5));
        final DigestRun run;

        Process(DigestSettings settings) {
            run = new DigestRun(new DigestScheduler(clock), ledger, content, composer, dispatcher, settings);
        }

        List<DigestRun.Outcome> tick(List<Subscription> subscriptions) {
            List<DigestRun.Outcome> outcomes = run.runDue(subscriptions);
            dispatcher.runDue();
            return outcomes;
        }
    }

    private Process process() {
        return new Process(DigestSettings.defaults());
    }

    /** Ticks every five minutes from {@code from} to {@code to}. */
    private void tickThrough(Process process, List<Subscription> subscriptions, String from, String to) {
        clock.set(Instant.parse(from));
        while (!clock.instant().isAfter(Instant.parse(to))) {
            process.tick(subscriptions);
            clock.advance(Duration.ofMinutes(5));
        }
    }

    /** The subscription as if created at {@code at}: periods due before then are not its business. */
    private static Subscription createdAt(Subscription subscription, String at) {
        return Subscription.newBuilder(subscription).setCreatedAt(Instant.parse(at)).build();
    }

    private void matchEveryHour(String subscriptionId, String from, int hours) {
        for (int h = 0; h < hours; h++) {
            Instant at = Instant.parse(from).plus(Duration.ofHours(h));
            content.matches.add(DeliveryFixtures.match(subscriptionId, "arxiv:2503.%05d".formatted(h),
                    "Paper " + h, at));
        }
    }

    @Test
    void shouldSendASpringForwardDigestOnceAtTheShiftedTimeInBerlin() {
        Subscription berlin = createdAt(DeliveryFixtures.dailyAt("berlin", "02:30", "Europe/Berlin"),
                "2025-03-29T22:00:00Z");
        matchEveryHour("berlin", "2025-03-28T00:00:00Z", 80);

        tickThrough(process(), List.of(berlin), "2025-03-29T22:00:00Z", "2025-03-30T12:00:00Z");

        assertThat(inbox.arrivals).singleElement().satisfies(arrival -> {
            assertThat(arrival.at()).isEqualTo("2025-03-30T01:30:00Z");
            assertThat(arrival.mail().deliveryKey()).isEqualTo(DeliveryKey.forDigest("berlin", "daily:2025-03-30"));
            assertThat(arrival.mail().subject()).isEqualTo("[paperwire] MoE watch: 24 matches, 0 trending");
        });
        assertThat(content.windows.get(0)).containsExactly(Instant.parse("2025-03-29T01:30:00Z"),
                Instant.parse("2025-03-30T01:30:00Z"));
    }

    @Test
    void shouldSendAFallBackDigestOnceNotTwice() {
        Subscription berlin = createdAt(DeliveryFixtures.dailyAt("berlin", "02:30", "Europe/Berlin"),
                "2025-10-25T22:00:00Z");
        Subscription newYork = createdAt(DeliveryFixtures.dailyAt("new-york", "01:30", "America/New_York"),
                "2025-11-02T03:00:00Z");
        matchEveryHour("berlin", "2025-10-25T00:00:00Z", 48);
        matchEveryHour("new-york", "2025-11-01T00:00:00Z", 48);
        Process process = process();

        tickThrough(process, List.of(berlin), "2025-10-25T22:00:00Z", "2025-10-26T06:00:00Z");
        tickThrough(process, List.of(newYork), "2025-11-02T03:00:00Z", "2025-11-02T09:00:00Z");

        assertThat(inbox.arrivals).extracting(a -> a.mail().deliveryKey().value(), Arrival::at).containsExactly(
                org.assertj.core.groups.Tuple.tuple("digest/berlin/daily:2025-10-26", Instant.parse("2025-10-26T00:30:00Z")),
                org.assertj.core.groups.Tuple.tuple("digest/new-york/daily:2025-11-02", Instant.parse("2025-11-02T05:30:00Z")));
    }

    @Test
    void shouldSendOneDigestPerDayAndAWeeklyOnItsDay() {
        Subscription both = DeliveryFixtures.subscription("both")
                .setDailyDigest(new DigestSchedule("07:00", "America/New_York", null))
                .setWeeklyDigest(new DigestSchedule("07:00", "America/New_York", "FRIDAY"))
                .build();
        matchEveryHour("both", "2025-06-01T00:00:00Z", 24 * 10);

        tickThrough(process(), List.of(both), "2025-06-02T00:00:00Z", "2025-06-08T23:59:00Z");

        assertThat(inbox.arrivals).extracting(a -> a.mail().deliveryKey().value()).as(
                "the first tick catches up the latest period, then one per day; the weekly of 2025-05-30 had nothing")
                .containsExactly("digest/both/daily:2025-06-01", "digest/both/daily:2025-06-02", "digest/both/daily:2025-06-03", "digest/both/daily:2025-06-04",
                "digest/both/daily:2025-06-05", "digest/both/daily:2025-06-06", "digest/both/weekly:2025-06-06",
                "digest/both/daily:2025-06-07", "digest/both/daily:2025-06-08");
        assertThat(inbox.distinctMessageIds()).isEqualTo(9);
    }

    @Test
    void shouldSendNothingWhenThereIsNothingAndRememberThePeriod() {
        Subscription quiet = DeliveryFixtures.dailyAt("quiet", "08:00", "Europe/Berlin");
        Process process = process();
        clock.set(Instant.parse("2025-06-01T06:00:00Z"));

        List<DigestRun.Outcome> outcomes = process.tick(List.of(quiet));
        content.matches.add(DeliveryFixtures.match("quiet", "arxiv:2506.00001", "Late arrival",
                Instant.parse("2025-05-31T12:00:00Z")));
        clock.advance(Duration.ofMinutes(5));
        process.tick(List.of(quiet));

        assertThat(outcomes).singleElement().extracting(DigestRun.Outcome::kind)
                .isEqualTo(DigestRun.Outcome.Kind.SKIPPED_EMPTY);
        assertThat(inbox.arrivals).as("a skipped period stays skipped").isEmpty();
        assertThat(ledger.find(DeliveryKey.forDigest("quiet", "daily:2025-06-01")).orElseThrow().isFinal()).isTrue();
    }

    @Test
    void shouldSendAnEmptyDigestWhenConfiguredTo() {
        Subscription quiet = DeliveryFixtures.dailyAt("quiet", "08:00", "Europe/Berlin");
        clock.set(Instant.parse("2025-06-01T06:00:00Z"));
        new Process(new DigestSettings(false, 10, false)).tick(List.of(quiet));

        assertThat(inbox.arrivals).singleElement().satisfies(arrival ->
                assertThat(arrival.mail().text()).contains("No new papers matched since the last digest.",
                        "No trending papers today."));
    }

    @Test
    void shouldTreatTrendingOnlyAsSomethingUnlessConfiguredOtherwise() {
        Subscription quiet = DeliveryFixtures.dailyAt("quiet", "08:00", "Europe/Berlin");
        content.trending.add(new TrendingPaper(DeliveryFixtures.paper("arxiv:2506.00007", "Hot", "Hot abstract."), 9));
        clock.set(Instant.parse("2025-06-01T06:00:00Z"));

        new Process(new DigestSettings(true, 10, true)).tick(List.of(quiet));
        assertThat(inbox.arrivals).isEmpty();

        clock.advance(Duration.ofDays(1));
        process().tick(List.of(quiet));
        assertThat(inbox.arrivals).singleElement().extracting(a -> a.mail().subject())
                .isEqualTo("[paperwire] MoE watch: 0 matches, 1 trending");
    }

    @Test
    void shouldNotSendTwiceAfterACrashBetweenSentAndRecorded() {
        Subscription berlin = DeliveryFixtures.dailyAt("berlin", "08:00", "Europe/Berlin");
        matchEveryHour("berlin", "2025-05-31T00:00:00Z", 30);
        clock.set(Instant.parse("2025-06-01T06:00:00Z"));
        inbox.crashAfterAccepting = true;

        assertThatThrownBy(() -> process().tick(List.of(berlin))).isInstanceOf(SimulatedCrash.class);
        assertThat(ledger.pending()).hasSize(1);

        // Restart: new process, same ledger. New matches meanwhile must not change the resent digest's identity.
        clock.advance(Duration.ofMinutes(3));
        Process restarted = process();
        restarted.tick(List.of(berlin));
        clock.advance(Duration.ofHours(2));
        restarted.tick(List.of(berlin));

        assertThat(inbox.arrivals).as("the server saw the digest twice (at-least-once)").hasSize(2);
        assertThat(inbox.distinctMessageIds()).as("...with one Message-ID, so it can drop the copy").isEqualTo(1);
        assertThat(inbox.arrivals.get(1).mail().text()).isEqualTo(inbox.arrivals.get(0).mail().text());
        assertThat(ledger.isSent(DeliveryKey.forDigest("berlin", "daily:2025-06-01"))).isTrue();
        assertThat(ledger.pending()).isEmpty();
    }

    @Test
    void shouldSendOnceWhenTheCrashCameBeforeTheSend() {
        Subscription berlin = DeliveryFixtures.dailyAt("berlin", "08:00", "Europe/Berlin");
        matchEveryHour("berlin", "2025-05-31T00:00:00Z", 30);
        clock.set(Instant.parse("2025-06-01T06:00:00Z"));
        process().run.runDue(List.of(berlin));
        // crash: the intent is recorded, the dispatcher never ran

        clock.advance(Duration.ofMinutes(1));
        Process restarted = process();
        restarted.tick(List.of(berlin));
        restarted.tick(List.of(berlin));

        assertThat(inbox.arrivals).hasSize(1);
        assertThat(ledger.isSent(DeliveryKey.forDigest("berlin", "daily:2025-06-01"))).isTrue();
    }

    @Test
    void shouldSkipPausedSubscriptionsAndReportInvalidSchedules() {
        Subscription paused = DeliveryFixtures.subscription("paused")
                .setDailyDigest(new DigestSchedule("08:00", "Europe/Berlin", null))
                .setStatus(SubscriptionStatus.PAUSED).build();
        Subscription broken = DeliveryFixtures.subscription("broken")
                .setDailyDigest(new DigestSchedule("08:00", "Europe/Atlantis", null)).build();
        matchEveryHour("paused", "2025-05-31T00:00:00Z", 30);
        clock.set(Instant.parse("2025-06-01T07:00:00Z"));

        List<DigestRun.Outcome> outcomes = process().tick(List.of(paused, broken));

        assertThat(inbox.arrivals).isEmpty();
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.subscriptionId()).isEqualTo("broken");
            assertThat(outcome.kind()).isEqualTo(DigestRun.Outcome.Kind.INVALID_SCHEDULE);
            assertThat(outcome.detail()).contains("Europe/Atlantis");
        });
    }
}
