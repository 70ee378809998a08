package io.paperwire.notify.alerting;

import io.paperwire.notify.matching.PaperMatcher;
import io.paperwire.notify.matching.SubscriptionSpec;
import io.paperwire.schemas.Subscription;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global subscriptions store, the {@link PaperMatcher} and the {@link NewVersionSubscribers} in step with
 * the {@code subscriptions} topic: a record upserts, a tombstone removes. On start it loads the whole (restored) store
 * into both. A subscription whose query no longer parses is kept in the store but not matched, and logged.
 */
final class SubscriptionCatalogProcessor implements Processor<String, Subscription, Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionCatalogProcessor.class);

    private final String storeName;
    private final PaperMatcher matcher;
    private final NewVersionSubscribers newVersionSubscribers;
    private KeyValueStore<String, Subscription> store;

    SubscriptionCatalogProcessor(String storeName, PaperMatcher matcher,
                                 NewVersionSubscribers newVersionSubscribers) {
        this.storeName = storeName;
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.newVersionSubscribers = Objects.requireNonNull(newVersionSubscribers, "newVersionSubscribers");
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        try (KeyValueIterator<String, Subscription> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Subscription> entry = all.next();
                upsertInMatcher(entry.value);
            }
        }
    }

    @Override
    public void process(Record<String, Subscription> record) {
        if (record.key() == null) {
            log.warn("ignoring a subscription without key");
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            matcher.remove(record.key());
            newVersionSubscribers.remove(record.key());
            return;
        }
        store.put(record.key(), record.value());
        upsertInMatcher(record.value());
    }

    private void upsertInMatcher(Subscription subscription) {
        newVersionSubscribers.update(subscription);
        try {
            matcher.upsert(SubscriptionSpec.from(subscription));
        } catch (IllegalArgumentException e) {
            matcher.remove(subscription.getId());
            log.error("subscription {} cannot be matched and is skipped: {}", subscription.getId(), e.getMessage());
        }
    }
}
