package io.paperwire.notify.alerting;

import io.paperwire.notify.matching.PaperMatcher;
import io.paperwire.notify.matching.Reason;
import io.paperwire.notify.matching.SubscriptionMatch;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.MatchReason;
import io.paperwire.schemas.Paper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Matches each enriched paper (keyed by paper key) against the active subscriptions and forwards one
 * {@link Alert} per new (subscription, paper), keyed by subscription id.
 *
 * <p>The rule: the alert ledger (one {@link AlertedSubscriptions} per paper key, in the task of the paper's partition)
 * remembers what was alerted. No entry for the subscription: alert and record. An entry: nothing, whatever the
 * enricher version or however often the paper comes again, except a higher paper version for a subscription with
 * {@code notifyNewVersions}, which gets one alert marked {@code isUpdate} per new version. Ledger write and alerts
 * commit together under exactly-once. A paper costs one ledger read and at most one ledger write, whatever the
 * number of its matches.
 *
 * <p>The ledger of earlier releases ({@value AlertTopology#LEGACY_LEDGER_STORE}, one entry per
 * {@code subscriptionId|paperKey}) is still read when it holds anything (looked at once per task, at its first
 * paper): a subscription missing from the paper's entry is looked up there, and what is found is carried into the new
 * ledger. A deployment that never ran an earlier release pays nothing for it.
 */
final class AlertProcessor implements Processor<String, EnrichedPaper, String, Alert> {

    private final PaperMatcher matcher;
    private final NewVersionSubscribers newVersionSubscribers;
    private final String ledgerStoreName;
    private final String legacyLedgerStoreName;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, AlertedSubscriptions> ledger;
    private KeyValueStore<String, AlertLedgerEntry> legacyLedger;
    /** Whether the legacy ledger holds anything; looked at once, at the first paper (null until then). */
    private Boolean legacyLedgerInUse;

    AlertProcessor(PaperMatcher matcher, NewVersionSubscribers newVersionSubscribers, String ledgerStoreName,
                   String legacyLedgerStoreName) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.newVersionSubscribers = Objects.requireNonNull(newVersionSubscribers, "newVersionSubscribers");
        this.ledgerStoreName = ledgerStoreName;
        this.legacyLedgerStoreName = legacyLedgerStoreName;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.ledger = context.getStateStore(ledgerStoreName);
        this.legacyLedger = context.getStateStore(legacyLedgerStoreName);
        this.legacyLedgerInUse = null;
    }

    @Override
    public void process(Record<String, EnrichedPaper> record) {
        EnrichedPaper enriched = record.value();
        if (enriched == null) {
            return;
        }
        List<SubscriptionMatch> matches = matcher.match(enriched);
        if (matches.isEmpty()) {
            return;
        }
        Paper paper = enriched.getPaper();
        if (legacyLedgerInUse == null) {
            try (KeyValueIterator<String, AlertLedgerEntry> any = legacyLedger.all()) {
                legacyLedgerInUse = any.hasNext();
            }
        }
        AlertedSubscriptions alerted = ledger.get(paper.getKey());
        if (alerted == null) {
            alerted = AlertedSubscriptions.none();
        }
        AlertLedgerEntry now = new AlertLedgerEntry(paper.getVersion(), enriched.getEnricherVersion());
        Instant matchedAt = Instant.ofEpochMilli(context.currentSystemTimeMs());
        boolean changed = false;
        List<Alert> alerts = new ArrayList<>();
        for (SubscriptionMatch match : matches) {
            String subscriptionId = match.subscriptionId();
            AlertLedgerEntry previous = alerted.get(subscriptionId);
            if (previous == null && legacyLedgerInUse) {
                previous = legacyLedger.get(legacyLedgerKey(subscriptionId, paper.getKey()));
                if (previous != null) {
                    alerted.record(subscriptionId, previous);
                    changed = true;
                }
            }
            boolean update;
            if (previous == null) {
                update = false;
            } else if (paper.getVersion() > previous.alertedVersion()
                    && newVersionSubscribers.wantsNewVersions(subscriptionId)) {
                update = true;
            } else {
                continue;
            }
            alerted.record(subscriptionId, now);
            changed = true;
            alerts.add(alert(match, enriched, update, matchedAt));
        }
        // Every alert is built before anything is written: a data error on the way leaves neither ledger entries nor
        // alerts (the record goes to the dead letters); then the ledger, then the alerts, as before per match.
        if (changed) {
            ledger.put(paper.getKey(), alerted);
        }
        for (Alert alert : alerts) {
            context.forward(new Record<>(alert.getSubscriptionId(), alert, record.timestamp()));
        }
    }

    /** The key of a (subscription, paper) in the legacy ledger; subscription ids never hold {@code |}. */
    static String legacyLedgerKey(String subscriptionId, String paperKey) {
        return subscriptionId + "|" + paperKey;
    }

    /** The deterministic alert id: {@code subId:paperKey}, plus {@code :vN} for an update. */
    static String alertId(String subscriptionId, String paperKey, int version, boolean update) {
        return subscriptionId + ":" + paperKey + (update ? ":v" + version : "");
    }

    private static Alert alert(SubscriptionMatch match, EnrichedPaper enriched, boolean update, Instant matchedAt) {
        Paper paper = enriched.getPaper();
        List<MatchReason> reasons = new ArrayList<>(match.reasons().size());
        for (Reason reason : match.reasons()) {
            reasons.add(reason.toAvro());
        }
        return new Alert(alertId(match.subscriptionId(), paper.getKey(), paper.getVersion(), update),
                match.subscriptionId(), paper.getKey(), paper.getVersion(), paper.getTitle(), reasons, update,
                enriched.getTrendingScore(), enriched.getEnricherVersion(), matchedAt, paper.getIngestedAt());
    }
}
