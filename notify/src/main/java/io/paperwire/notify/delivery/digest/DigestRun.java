package io.paperwire.notify.delivery.digest;

import io.paperwire.notify.delivery.DeliveryDispatcher;
import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.DeliveryLedger;
import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.TrendingPaper;
import io.paperwire.notify.delivery.email.AlertMailComposer;
import io.paperwire.notify.delivery.email.OutgoingMail;
import io.paperwire.schemas.DigestSchedule;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the subscriptions: for every active subscription whose daily or weekly digest is due (by the
 * {@link DigestScheduler}'s clock, after the subscription was created) and not final in the {@link DeliveryLedger},
 * composes the digest of that period from the {@link DigestContentSource} and submits it to the mail
 * {@link DeliveryDispatcher}, which records the intent, sends and retries. A period with nothing to send is
 * recorded as done without a mail (when {@link DigestSettings#skipWhenEmpty()}). A pending period (a crash after
 * the intent) is composed again with the same Message-ID and resubmitted.
 *
 * <p>Only the latest due period of each subscription is considered: after a long outage, a subscriber gets the
 * digest of the last period, not one per missed day. Call {@link #runDue} on a tick, e.g. every minute.
 */
public final class DigestRun {

    private static final Logger LOG = LoggerFactory.getLogger(DigestRun.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

    /** What a pass did for one subscription and period. */
    public record Outcome(String subscriptionId, DigestPeriod period, Kind kind, String detail) {
        /** Whether a mail went to the dispatcher. */
        public enum Kind { SUBMITTED, SKIPPED_EMPTY, INVALID_SCHEDULE }
    }

    private final DigestScheduler scheduler;
    private final DeliveryLedger ledger;
    private final DigestContentSource content;
    private final AlertMailComposer composer;
    private final DeliveryDispatcher<OutgoingMail> mailDispatcher;
    private final DigestSettings settings;

    public DigestRun(DigestScheduler scheduler, DeliveryLedger ledger, DigestContentSource content,
                     AlertMailComposer composer, DeliveryDispatcher<OutgoingMail> mailDispatcher,
                     DigestSettings settings) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.content = Objects.requireNonNull(content, "content");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.mailDispatcher = Objects.requireNonNull(mailDispatcher, "mailDispatcher");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Submits every digest that is due. The dispatcher's own {@code runDue} then sends them.
     *
     * @return what was done, one entry per due period (nothing for what is not due or already final)
     */
    public List<Outcome> runDue(Collection<Subscription> subscriptions) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            if (subscription.getStatus() != SubscriptionStatus.ACTIVE) {
                continue;
            }
            consider(subscription, subscription.getDailyDigest(), DigestCadence.DAILY).ifPresent(outcomes::add);
            consider(subscription, subscription.getWeeklyDigest(), DigestCadence.WEEKLY).ifPresent(outcomes::add);
        }
        return outcomes;
    }

    private Optional<Outcome> consider(Subscription subscription, DigestSchedule schedule, DigestCadence cadence) {
        if (schedule == null) {
            return Optional.empty();
        }
        DigestTiming timing;
        try {
            timing = DigestTiming.of(schedule, cadence);
        } catch (IllegalArgumentException e) {
            LOG.warn("subscription {} has an invalid {} digest schedule: {}", subscription.getId(), cadence.label(),
                    e.getMessage());
            return Optional.of(new Outcome(subscription.getId(), null, Outcome.Kind.INVALID_SCHEDULE,
                    e.getMessage()));
        }
        Optional<DigestPeriod> due = scheduler.latestDue(timing, subscription.getCreatedAt());
        if (due.isEmpty()) {
            return Optional.empty();
        }
        DigestPeriod period = due.get();
        DeliveryKey key = DeliveryKey.forDigest(subscription.getId(), period.id());
        Optional<DeliveryLedger.Entry> entry = ledger.find(key);
        if (entry.map(DeliveryLedger.Entry::isFinal).orElse(false)) {
            return Optional.empty();
        }
        // A pending entry may already have reached the subscriber: it is resent with its Message-ID, never skipped.
        boolean pending = entry.isPresent();
        List<MatchedPaper> matches = content.matches(subscription, period.windowStart(), period.dueAt());
        List<TrendingPaper> trending = settings.trendingLimit() == 0 ? List.of()
                : content.trending(period.dueAt(), settings.trendingLimit());
        boolean nothing = matches.isEmpty() && (trending.isEmpty() || settings.trendingOnlyCountsAsEmpty());
        if (nothing && settings.skipWhenEmpty() && !pending) {
            // Recorded as done so a late tick does not send the period after all.
            String idempotencyKey = "skipped:" + key.value();
            ledger.recordIntent(key, idempotencyKey, scheduler.now());
            ledger.recordSent(key, "skipped: nothing to send", scheduler.now());
            return Optional.of(new Outcome(subscription.getId(), period, Outcome.Kind.SKIPPED_EMPTY,
                    "nothing to send"));
        }
        String heading = "Your " + cadence.label() + " paperwire digest for " + DAY.format(period.localDate());
        OutgoingMail mail = composer.digest(subscription, period.id(), heading, matches, trending);
        DeliveryDispatcher.Submission submission = mailDispatcher.submit(mail);
        return Optional.of(new Outcome(subscription.getId(), period, Outcome.Kind.SUBMITTED, submission.name()));
    }
}
