package io.paperwire.notify.alerting;

import io.paperwire.notify.matching.PaperMatcher;
import io.paperwire.notify.matching.Reason;
import io.paperwire.notify.matching.SubscriptionMatch;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Matches each enriched paper (keyed by paper key) against the active subscriptions and forwards one
 * {@link Alert} per new (subscription, paper), keyed by subscription id.
 *
 * <p>The rule: the alert ledger (keyed {@code subscriptionId|paperKey}, in the task of the paper's partition)
 * remembers what was alerted. No entry: alert and record. An entry: nothing, whatever the enricher version or
 * however often the paper comes again, except a higher paper version for a subscription with
 * {@code notifyNewVersions}, which gets one alert marked {@code isUpdate} per new version. Ledger write and alert
 * commit together under exactly-once.
 */
final class AlertProcessor implements Processor<String, EnrichedPaper, String, Alert> {

    private final PaperMatcher matcher;
    private final String subscriptionsStoreName;
    private final String ledgerStoreName;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Subscription> subscriptions;
    private KeyValueStore<String, AlertLedgerEntry> ledger;

    AlertProcessor(PaperMatcher matcher, String subscriptionsStoreName, String ledgerStoreName) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.subscriptionsStoreName = subscriptionsStoreName;
        this.ledgerStoreName = ledgerStoreName;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.subscriptions = context.getStateStore(subscriptionsStoreName);
        this.ledger = context.getStateStore(ledgerStoreName);
    }

    @Override
    public void process(Record<String, EnrichedPaper> record) {
        EnrichedPaper enriched = record.value();
        if (enriched == null) {
            return;
        }
        Paper paper = enriched.getPaper();
        for (SubscriptionMatch match : matcher.match(enriched)) {
            Subscription subscription = subscriptions.get(match.subscriptionId());
            if (subscription == null || subscription.getStatus() != SubscriptionStatus.ACTIVE) {
                continue;
            }
            String ledgerKey = ledgerKey(subscription.getId(), paper.getKey());
            AlertLedgerEntry alerted = ledger.get(ledgerKey);
            boolean update;
            if (alerted == null) {
                update = false;
            } else if (paper.getVersion() > alerted.alertedVersion() && subscription.getNotifyNewVersions()) {
                update = true;
            } else {
                continue;
            }
            ledger.put(ledgerKey, new AlertLedgerEntry(paper.getVersion(), enriched.getEnricherVersion()));
            Alert alert = alert(match, enriched, update);
            context.forward(new Record<>(subscription.getId(), alert, record.timestamp()));
        }
    }

    /** The ledger key of a (subscription, paper); subscription ids never hold {@code |}. */
    static String ledgerKey(String subscriptionId, String paperKey) {
        return subscriptionId + "|" + paperKey;
    }

    /** The deterministic alert id: {@code subId:paperKey}, plus {@code :vN} for an update. */
    static String alertId(String subscriptionId, String paperKey, int version, boolean update) {
        return subscriptionId + ":" + paperKey + (update ? ":v" + version : "");
    }

    private Alert alert(SubscriptionMatch match, EnrichedPaper enriched, boolean update) {
        Paper paper = enriched.getPaper();
        return Alert.newBuilder()
                .setAlertId(alertId(match.subscriptionId(), paper.getKey(), paper.getVersion(), update))
                .setSubscriptionId(match.subscriptionId())
                .setPaperKey(paper.getKey())
                .setPaperVersion(paper.getVersion())
                .setTitle(paper.getTitle())
                .setReasons(match.reasons().stream().map(Reason::toAvro).toList())
                .setIsUpdate(update)
                .setTrendingScore(enriched.getTrendingScore())
                .setEnricherVersion(enriched.getEnricherVersion())
                .setMatchedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
                .setPublishedAt(paper.getIngestedAt())
                .build();
    }
}
