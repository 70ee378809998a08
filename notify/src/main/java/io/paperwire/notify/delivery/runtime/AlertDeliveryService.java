package io.paperwire.notify.delivery.runtime;

import io.paperwire.notify.delivery.DeliveryDispatcher;
import io.paperwire.notify.delivery.DeliveryKey;
import io.paperwire.notify.delivery.DeliveryLedger;
import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.digest.DigestRun;
import io.paperwire.notify.delivery.digest.DigestScheduler;
import io.paperwire.notify.delivery.digest.DigestSettings;
import io.paperwire.notify.delivery.email.AlertMailComposer;
import io.paperwire.notify.delivery.email.OutgoingMail;
import io.paperwire.notify.delivery.feed.SseBroadcaster;
import io.paperwire.notify.delivery.kafka.TopicReplay;
import io.paperwire.notify.delivery.webhook.AlertWebhookComposer;
import io.paperwire.notify.delivery.webhook.WebhookRequest;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import io.paperwire.schemas.TrendingScore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts. Input: {@code alerts} (Avro {@code Alert}, key: subscription id; consumer group
 * {@value DeliverySettings#CONSUMER_GROUP}, read_committed, no auto-commit), {@code papers.enriched} and
 * {@code papers.trending} (read whole, without a group), subscriptions from a {@link SubscriptionDirectory}. Output:
 * instant mails and webhooks through their {@link DeliveryDispatcher}s (which write the {@link DeliveryLedger}),
 * feed events to an {@link SseBroadcaster}, digests through {@link DigestRun}.
 *
 * <p>The commit rule: the intents of an alert's deliveries are recorded (synchronously, by
 * {@link DeliveryDispatcher#submit}) before its offset can be committed, and the committed offset of a partition
 * never passes an alert whose deliveries are still pending in the ledger. A crash at any point therefore re-reads
 * every alert with an unfinished delivery; the ledger then skips what was sent and resumes what is pending with its
 * idempotency key and its count of failed attempts. See {@code docs/delivery.md}.
 *
 * <p>Single-threaded: {@link #pollOnce()} (or the loop of {@link #run()}) does all the consuming, on one thread.
 */
public final class AlertDeliveryService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDeliveryService.class);

    /** The mail channel: its dispatcher and how an alert becomes a mail. */
    public record MailDelivery(DeliveryDispatcher<OutgoingMail> dispatcher, AlertMailComposer composer) {
        public MailDelivery {
            Objects.requireNonNull(dispatcher, "dispatcher");
            Objects.requireNonNull(composer, "composer");
        }
    }

    /** The webhook channel: its dispatcher and how an alert becomes a request. */
    public record WebhookDelivery(DeliveryDispatcher<WebhookRequest> dispatcher, AlertWebhookComposer composer) {
        public WebhookDelivery {
            Objects.requireNonNull(dispatcher, "dispatcher");
            Objects.requireNonNull(composer, "composer");
        }
    }

    private final Consumer<String, Alert> alertConsumer;
    private final String alertsTopic;
    private final TopicReplay<String, EnrichedPaper> enriched;
    private final TopicReplay<String, TrendingScore> trending;
    private final TopicReplay<String, Alert> alertHistory;
    private final SubscriptionDirectory subscriptions;
    private final DeliveryLedger ledger;
    private final MailDelivery mail;
    private final Optional<WebhookDelivery> webhook;
    private final Optional<SseBroadcaster<MatchedPaper>> feed;
    private final DeliverySettings settings;
    private final Clock clock;
    private final RecentPapers papers;
    private final DigestContentFromStreams digestContent;
    private final DigestRun digestRun;

    /** Per partition: offsets read whose deliveries were not final when last looked at, with their keys. */
    private final Map<TopicPartition, TreeMap<Long, List<DeliveryKey>>> unfinished = new HashMap<>();
    /** Per partition: the offset after the last alert handled. */
    private final Map<TopicPartition, Long> handledUpTo = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong alertsHandled = new AtomicLong();
    private final AtomicLong alertsUndeliverable = new AtomicLong();
    private final java.util.concurrent.CountDownLatch loopExited = new java.util.concurrent.CountDownLatch(1);
    private Instant nextDigestTick = Instant.MIN;
    private boolean started;
    private boolean alertHistoryClosed;

    /**
     * @param alertConsumer   consumer of {@code alertsTopic} with {@link #alertConsumerConfig}'s settings; closed by
     *                        {@link #close}
     * @param enriched        a replay of {@code papers.enriched}; closed by {@link #close}
     * @param trending        a replay of {@code papers.trending}; closed by {@link #close}
     * @param alertHistory    a second reader of {@code alertsTopic}, without a group: at start it reads the alerts of
     *                        the last {@link DeliverySettings#digestLookback()} for the digests; closed after that
     * @param mail            the instant and digest mail channel
     * @param webhook         the webhook channel, if webhooks are enabled
     * @param feed            live feed, if enabled (not ledgered: a live stream has no "resend")
     * @param digestSettings  what a digest holds; its schedule runs by {@code clock}
     */
    public AlertDeliveryService(Consumer<String, Alert> alertConsumer, String alertsTopic,
                                TopicReplay<String, EnrichedPaper> enriched,
                                TopicReplay<String, TrendingScore> trending,
                                TopicReplay<String, Alert> alertHistory,
                                SubscriptionDirectory subscriptions, DeliveryLedger ledger, MailDelivery mail,
                                Optional<WebhookDelivery> webhook, Optional<SseBroadcaster<MatchedPaper>> feed,
                                DigestSettings digestSettings, DeliverySettings settings, Clock clock) {
        this.alertConsumer = Objects.requireNonNull(alertConsumer, "alertConsumer");
        this.alertsTopic = Objects.requireNonNull(alertsTopic, "alertsTopic");
        this.enriched = Objects.requireNonNull(enriched, "enriched");
        this.trending = Objects.requireNonNull(trending, "trending");
        this.alertHistory = Objects.requireNonNull(alertHistory, "alertHistory");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.webhook = Objects.requireNonNull(webhook, "webhook");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.papers = new RecentPapers(settings.paperCacheSize());
        this.digestContent = new DigestContentFromStreams(papers, settings.matchesPerSubscription());
        this.digestRun = new DigestRun(new DigestScheduler(clock), ledger, digestContent, mail.composer(),
                mail.dispatcher(), Objects.requireNonNull(digestSettings, "digestSettings"));
    }

    /** Consumer settings of the alerts consumer: the group, read_committed, manual commits, from the earliest. */
    public static Map<String, Object> alertConsumerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, DeliverySettings.CONSUMER_GROUP);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    /**
     * Reads {@code papers.enriched} and {@code papers.trending} to their ends and subscribes to the alerts. Pending
     * deliveries of the ledger are resumed as their alerts are read again (the committed offsets stop before them).
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        int papersRead = enriched.catchUp(r -> papers.put(r.key(), r.value()), settings.startupTimeout());
        int scoresRead = trending.catchUp(r -> digestContent.putTrending(r.key(), r.value()),
                settings.startupTimeout());
        alertHistory.seekTo(clock.instant().minus(settings.digestLookback()), settings.startupTimeout());
        int alertsRemembered = alertHistory.catchUp(this::rememberForDigest, settings.startupTimeout());
        closeAlertHistory();
        alertConsumer.subscribe(List.of(alertsTopic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Commit what is safe while the partitions are still ours, then forget them: their next owner
                // starts from that offset and resumes the unfinished deliveries through the ledger.
                commitFinishedPrefix();
                forget(partitions);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                forget(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                // Positions come from the committed offsets. The ledger entries of these partitions' deliveries may
                // have been written by their previous owner since this ledger was restored: read them first.
                if (!partitions.isEmpty()) {
                    ledger.refresh();
                }
            }
        });
        started = true;
        LOG.info("delivery service started: {} enriched records ({} papers kept), {} trending records, {} recent "
                + "alerts for digests, {} pending deliveries in the ledger to resume", papersRead, papers.size(),
                scoresRead, alertsRemembered, ledger.pending().size());
    }

    /**
     * One round: new papers and scores, a poll of alerts (each submitted to its channels), the commit of what is
     * safe to commit, the due attempts of every channel, and the digest tick when due.
     *
     * @return alerts read in this round
     */
    public int pollOnce() {
        int read = consumeOnce();
        deliverDue();
        return read;
    }

    /**
     * The consuming half of {@link #pollOnce()}: reads alerts, records the intents of their deliveries (through the
     * dispatchers' {@code submit}) and commits. Nothing is sent.
     */
    public int consumeOnce() {
        requireStarted();
        enriched.pollNew(r -> papers.put(r.key(), r.value()), java.time.Duration.ZERO);
        trending.pollNew(r -> digestContent.putTrending(r.key(), r.value()), java.time.Duration.ZERO);
        ConsumerRecords<String, Alert> records;
        try {
            records = alertConsumer.poll(settings.pollTimeout());
        } catch (RecordDeserializationException e) {
            // Bad data: skipped here, kept in the topic; the log says where to find it.
            alertsUndeliverable.incrementAndGet();
            LOG.error("unreadable alert at {}@{} skipped: {}", e.topicPartition(), e.offset(), e.getMessage());
            alertConsumer.seek(e.topicPartition(), e.offset() + 1);
            return 0;
        }
        Map<TopicPartition, Long> resumeAt = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            resumeAt.put(partition, records.records(partition).get(0).offset());
        }
        try {
            for (ConsumerRecord<String, Alert> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                List<DeliveryKey> keys = handle(record);
                if (!keys.isEmpty()) {
                    unfinished.computeIfAbsent(partition, p -> new TreeMap<>()).put(record.offset(), keys);
                }
                handledUpTo.put(partition, record.offset() + 1);
                resumeAt.put(partition, record.offset() + 1);
            }
        } catch (RuntimeException e) {
            // An infrastructure failure (the ledger cannot be written): rewind to the first alert not handled, so
            // neither this instance (if the caller goes on) nor a commit skips the rest of the batch.
            resumeAt.forEach(alertConsumer::seek);
            throw e;
        }
        commitFinishedPrefix();
        return records.count();
    }

    /** The delivering half of {@link #pollOnce()}: due attempts of every channel, then the digest tick when due. */
    public void deliverDue() {
        requireStarted();
        Instant now = clock.instant();
        // Digests wait for the first partition assignment: until then this instance cannot tell which are its own.
        if (!now.isBefore(nextDigestTick) && !alertConsumer.assignment().isEmpty()) {
            nextDigestTick = now.plus(settings.digestTick());
            List<DigestRun.Outcome> outcomes = digestRun.runDue(ownedSubscriptions());
            if (!outcomes.isEmpty()) {
                LOG.info("digest tick: {}", outcomes);
            }
        }
        mail.dispatcher().runDue();
        webhook.ifPresent(w -> w.dispatcher().runDue());
        commitFinishedPrefix();
    }

    /**
     * The subscriptions whose alerts partition this instance consumes now: only they get their digests here, so that
     * with several delivery instances each digest is run by exactly one (the one that also holds its matches).
     */
    private List<Subscription> ownedSubscriptions() {
        Set<TopicPartition> assigned = alertConsumer.assignment();
        int partitions = alertConsumer.partitionsFor(alertsTopic).size();
        return subscriptions.all().stream()
                .filter(s -> assigned.contains(new TopicPartition(alertsTopic, partitionOf(s.getId(), partitions))))
                .toList();
    }

    /**
     * The partition of {@code alerts} that holds a subscription's alerts: Kafka's default partitioning of the UTF-8
     * key (murmur2, as the producer and Kafka Streams use for keyed records).
     */
    static int partitionOf(String subscriptionId, int partitions) {
        return Utils.toPositive(Utils.murmur2(subscriptionId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private List<DeliveryKey> handle(ConsumerRecord<String, Alert> record) {
        Alert alert = record.value();
        if (alert == null) {
            return List.of();
        }
        alertsHandled.incrementAndGet();
        Optional<Subscription> found = subscriptions.find(alert.getSubscriptionId());
        if (found.isEmpty() || found.get().getStatus() != SubscriptionStatus.ACTIVE) {
            LOG.info("alert {} not delivered: subscription {} is {}", alert.getAlertId(), alert.getSubscriptionId(),
                    found.map(s -> s.getStatus().name().toLowerCase()).orElse("unknown"));
            return List.of();
        }
        Subscription subscription = found.get();
        Optional<EnrichedPaper> paper = paperOf(alert.getPaperKey());
        if (paper.isEmpty()) {
            return recordUndeliverable(alert, subscription, "paper " + alert.getPaperKey()
                    + " is not in papers.enriched (or no longer in the cache of "
                    + settings.paperCacheSize() + " papers)", record);
        }
        MatchedPaper match;
        try {
            match = new MatchedPaper(alert, paper.get());
        } catch (IllegalArgumentException e) {
            return recordUndeliverable(alert, subscription, e.getMessage(), record);
        }
        digestContent.addMatch(match);
        if (subscription.getFeed()) {
            feed.ifPresent(f -> f.publish(match));
        }
        List<DeliveryKey> keys = new ArrayList<>();
        if (subscription.getEmailInstant()) {
            try {
                OutgoingMail message = mail.composer().instant(match, subscription);
                mail.dispatcher().submit(message);
                keys.add(message.deliveryKey());
            } catch (IllegalArgumentException badData) {
                recordUndeliverable(alert, List.of(AlertMailComposer.CHANNEL),
                        "mail cannot be composed: " + badData.getMessage(), record);
            }
        }
        if (subscription.getWebhook() != null && webhook.isEmpty()) {
            LOG.warn("subscription {} has a webhook but webhooks are disabled here", subscription.getId());
        } else if (subscription.getWebhook() != null) {
            WebhookDelivery w = webhook.get();
            try {
                WebhookRequest request = w.composer().request(match, subscription);
                w.dispatcher().submit(request);
                keys.add(request.deliveryKey());
            } catch (IllegalArgumentException badData) {
                recordUndeliverable(alert, List.of(AlertWebhookComposer.CHANNEL),
                        "webhook request cannot be composed: " + badData.getMessage(), record);
            }
        }
        return keys;
    }

    /** An alert read at start: kept for its subscription's next digest when its paper is known. */
    private void rememberForDigest(ConsumerRecord<String, Alert> record) {
        Alert alert = record.value();
        if (alert == null) {
            return;
        }
        papers.get(alert.getPaperKey()).ifPresent(paper -> {
            try {
                digestContent.addMatch(new MatchedPaper(alert, paper));
            } catch (IllegalArgumentException e) {
                LOG.warn("alert {} at {}-{}@{} left out of digests: {}", alert.getAlertId(), record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        });
    }

    private Optional<EnrichedPaper> paperOf(String paperKey) {
        Optional<EnrichedPaper> paper = papers.get(paperKey);
        if (paper.isPresent()) {
            return paper;
        }
        // The enricher wrote the paper before the alert was made: read papers.enriched up to now and look again.
        enriched.catchUp(r -> papers.put(r.key(), r.value()), settings.startupTimeout());
        return papers.get(paperKey);
    }

    /** An alert that cannot become a message is recorded dead on each of its channels, so it is listed as failed. */
    private List<DeliveryKey> recordUndeliverable(Alert alert, Subscription subscription, String reason,
                                                  ConsumerRecord<String, Alert> record) {
        List<String> channels = new ArrayList<>();
        if (subscription.getEmailInstant()) {
            channels.add(AlertMailComposer.CHANNEL);
        }
        if (subscription.getWebhook() != null) {
            channels.add(AlertWebhookComposer.CHANNEL);
        }
        recordUndeliverable(alert, channels, reason, record);
        return List.of();
    }

    private void recordUndeliverable(Alert alert, List<String> channels, String reason,
                                     ConsumerRecord<String, Alert> record) {
        alertsUndeliverable.incrementAndGet();
        String detail = reason + " (alert at " + record.topic() + "-" + record.partition() + "@" + record.offset() + ")";
        Instant now = clock.instant();
        for (String channel : channels) {
            DeliveryKey key = DeliveryKey.forAlert(alert.getAlertId(), channel);
            Optional<DeliveryLedger.Entry> existing = ledger.find(key);
            if (existing.isEmpty()) {
                ledger.recordIntent(key, "undeliverable:" + key.value(), now);
            }
            if (existing.map(e -> !e.isFinal()).orElse(true)) {
                ledger.recordDead(key, detail, now);
            }
        }
        LOG.error("alert {} cannot be delivered on {}: {}", alert.getAlertId(), channels, detail);
    }

    private void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            unfinished.remove(partition);
            handledUpTo.remove(partition);
            committed.remove(partition);
        }
    }

    private void commitFinishedPrefix() {
        Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> handled : handledUpTo.entrySet()) {
            TopicPartition partition = handled.getKey();
            TreeMap<Long, List<DeliveryKey>> open = unfinished.getOrDefault(partition, new TreeMap<>());
            open.values().removeIf(keys -> keys.stream().allMatch(
                    k -> ledger.find(k).map(DeliveryLedger.Entry::isFinal).orElse(false)));
            long safe = open.isEmpty() ? handled.getValue() : open.firstKey();
            if (!Long.valueOf(safe).equals(committed.get(partition))) {
                toCommit.put(partition, new OffsetAndMetadata(safe));
            }
        }
        if (!toCommit.isEmpty()) {
            alertConsumer.commitSync(toCommit);
            toCommit.forEach((p, o) -> committed.put(p, o.offset()));
        }
    }

    private synchronized void closeAlertHistory() {
        if (!alertHistoryClosed) {
            alertHistoryClosed = true;
            alertHistory.close();
        }
    }

    /** Runs {@link #pollOnce()} until {@link #close()} is called from another thread. */
    public void run() {
        start();
        running.set(true);
        try {
            while (running.get()) {
                try {
                    pollOnce();
                } catch (org.apache.kafka.common.errors.WakeupException e) {
                    if (running.get()) {
                        throw e;
                    }
                }
            }
        } finally {
            running.set(false);
            loopExited.countDown();
        }
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("call start() first");
        }
    }

    /** Alerts read so far (tombstones not counted). */
    public long alertsHandled() {
        return alertsHandled.get();
    }

    /** Alerts that could not be turned into messages (recorded dead in the ledger) or not even read. */
    public long alertsUndeliverable() {
        return alertsUndeliverable.get();
    }

    /** The digest's content, as gathered from the streams. */
    public DigestContentFromStreams digestContent() {
        return digestContent;
    }

    /**
     * Stops a running loop and closes the consumers without committing more than what was already committed. The
     * dispatchers, their lanes and the ledger belong to the caller.
     */
    @Override
    public void close() {
        if (running.getAndSet(false)) {
            alertConsumer.wakeup();
            try {
                if (!loopExited.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    LOG.warn("the delivery loop did not stop within 30 s; closing its clients anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        alertConsumer.close(CloseOptions.timeout(java.time.Duration.ofSeconds(5)));
        closeAlertHistory();
        enriched.close();
        trending.close();
    }
}
