package io.paperwire.app.services;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.app.config.ConfigException;
import io.paperwire.app.config.Settings;
import io.paperwire.app.observability.PaperwireMetrics;
import io.paperwire.app.platform.Platform;
import io.paperwire.notify.NotifyService;
import io.paperwire.notify.matching.PaperQueryFilter;
import io.paperwire.notify.matching.QueryValidationException;
import io.paperwire.notify.delivery.BoundedLanes;
import io.paperwire.notify.delivery.DeadLetterSink;
import io.paperwire.notify.delivery.DeliveryDispatcher;
import io.paperwire.notify.delivery.DeliveryLanes;
import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.feed.AtomFeedRenderer;
import io.paperwire.notify.delivery.feed.FeedEvents;
import io.paperwire.notify.delivery.feed.SseBroadcaster;
import io.paperwire.notify.delivery.RetryPolicy;
import io.paperwire.notify.delivery.digest.DigestSettings;
import io.paperwire.notify.delivery.email.AlertMailComposer;
import io.paperwire.notify.delivery.email.MailChannels;
import io.paperwire.notify.delivery.email.OutgoingMail;
import io.paperwire.notify.delivery.email.SmtpSettings;
import io.paperwire.notify.delivery.kafka.KafkaDeliveryLedger;
import io.paperwire.notify.delivery.kafka.TopicReplay;
import io.paperwire.notify.delivery.runtime.AlertDeliveryService;
import io.paperwire.notify.delivery.runtime.DeliverySettings;
import io.paperwire.notify.delivery.runtime.SubscriptionDirectory;
import io.paperwire.notify.delivery.webhook.AlertWebhookComposer;
import io.paperwire.notify.delivery.webhook.WebhookChannel;
import io.paperwire.notify.delivery.webhook.WebhookRequest;
import io.paperwire.notify.delivery.webhook.WebhookSettings;
import io.paperwire.notify.delivery.webhook.WebhookUrlPolicy;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.DeadLetter;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.Topic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs alert delivery on a platform: reads {@code alerts}, sends instant mail (over SMTP when {@code mail.smtp.host}
 * is set, otherwise as {@code .eml} files under {@code <data.dir>/mail}) and webhooks, runs due digests, and records
 * every delivery in the {@code deliveries} ledger. Deliveries given up go to {@code deadletters} (stage delivery).
 * Also serves the live feeds on notify's HTTP server (see {@link #registerFeeds}).
 */
public final class DeliveryRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRunner.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaDeliveryLedger ledger;
    private final AlertDeliveryService service;
    private final KafkaProducer<String, DeadLetter> deadLetters;
    private final Thread loop;
    private final Path mailDirectory;
    private final SseBroadcaster<MatchedPaper> feed;
    private final ExecutorService feedWriters;
    private final DeliveryLanes webhookLanes;

    /** The paperwire settings read by delivery, by prefix (see docs/delivery.md). */
    private static final List<String> DELIVERY_PREFIXES = List.of("mail.retry.", "webhook.", "digest.", "delivery.");

    /**
     * Delivery's settings from paperwire's configuration: {@code mail.retry.*}, {@code webhook.retry.*} and the other
     * {@code webhook.*} settings, {@code digest.*} and {@code delivery.*}, each named and defaulted as in
     * docs/delivery.md.
     */
    record DeliveryOptions(RetryPolicy mailRetries, RetryPolicy webhookRetries, WebhookSettings webhook,
                    WebhookUrlPolicy webhookUrls, DigestSettings digest, DeliverySettings delivery) {

        /** @throws ConfigException naming the setting at fault */
        static DeliveryOptions read(java.util.Properties properties) {
            try {
                return new DeliveryOptions(RetryPolicy.fromProperties(properties, "mail."),
                        RetryPolicy.fromProperties(properties, "webhook."),
                        WebhookSettings.fromProperties(properties),
                        WebhookUrlPolicy.fromSetting(properties.getProperty(WebhookUrlPolicy.ALLOW_SETTING)),
                        DigestSettings.fromProperties(properties), DeliverySettings.fromProperties(properties));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("delivery: " + e.getMessage());
            }
        }
    }

    private DeliveryRunner(KafkaDeliveryLedger ledger, AlertDeliveryService service,
                           KafkaProducer<String, DeadLetter> deadLetters, Path mailDirectory,
                           SseBroadcaster<MatchedPaper> feed, ExecutorService feedWriters, DeliveryLanes webhookLanes) {
        this.webhookLanes = webhookLanes;
        this.feed = feed;
        this.feedWriters = feedWriters;
        this.ledger = ledger;
        this.service = service;
        this.deadLetters = deadLetters;
        this.mailDirectory = mailDirectory;
        this.loop = new Thread(this::runLoop, "paperwire-delivery");
    }

    /**
     * Starts delivery of the alerts that {@code notify}'s subscriptions produce; counts attempts, dead letters and
     * queues in {@code metrics}.
     */
    public static DeliveryRunner start(Platform platform, NotifyService notify, URI publicBaseUrl,
                                       PaperwireMetrics metrics) {
        Clock clock = Clock.systemUTC();
        Path dataDir = Path.of(platform.config().require(Settings.DATA_DIR));
        PaperwireTopics topics = PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig());
        String bootstrap = platform.bootstrapServers();

        java.util.Properties mailProperties = new java.util.Properties();
        java.util.Properties deliveryProperties = new java.util.Properties();
        platform.config().asMap().forEach((k, v) -> {
            if (k.startsWith("mail.") || k.equals(SmtpSettings.PUBLIC_BASE_URL)) {
                mailProperties.put(k, v);
            }
            if (DELIVERY_PREFIXES.stream().anyMatch(k::startsWith)) {
                deliveryProperties.put(k, v);
            }
        });
        mailProperties.putIfAbsent(SmtpSettings.PUBLIC_BASE_URL, publicBaseUrl.toString());
        SmtpSettings smtp = SmtpSettings.fromProperties(mailProperties);

        KafkaDeliveryLedger ledger = KafkaDeliveryLedger.open(bootstrap, platform.topicNames().deliveries(), TIMEOUT);
        Topic<String, DeadLetter> deadLetterTopic = topics.deadLetters();
        KafkaProducer<String, DeadLetter> deadLetterProducer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                deadLetterTopic.keySerde().serializer(), deadLetterTopic.valueSerde().serializer());
        DeadLetterSink sink = dead -> {
            DeadLetter letter = DeadLetter.newBuilder()
                    .setStage("delivery")
                    .setSource(dead.channel())
                    .setPosition(dead.key().toString())
                    .setValue(ByteBuffer.wrap(dead.message().idempotencyKey().getBytes(StandardCharsets.UTF_8)))
                    .setErrorClass("DeliveryGivenUp")
                    .setErrorMessage("gave up after " + dead.attempts() + " attempts: " + dead.lastReason())
                    .setOccurredAt(dead.at())
                    .build();
            try {
                deadLetterProducer.send(new ProducerRecord<>(deadLetterTopic.name(), dead.key().toString(), letter)).get();
                metrics.deadLettered("delivery");
            } catch (Exception e) {
                throw new IllegalStateException("cannot write the dead letter of " + dead.key() + ": " + e.getMessage(), e);
            }
        };

        DeliveryOptions settings = DeliveryOptions.read(deliveryProperties);
        DeliveryDispatcher<OutgoingMail> mail = new DeliveryDispatcher<>(MailChannels.select(smtp, dataDir), ledger,
                settings.mailRetries(), sink, DeliveryLanes.callerThread(), clock, new Random(),
                metrics.deliveryListener("email"));
        // One small pool per endpoint host: a slow or failing endpoint fills its own lane and delays no other.
        BoundedLanes webhookLanes = new BoundedLanes(settings.webhook().threadsPerHost(),
                settings.webhook().queuedPerHost(), "paperwire-webhook");
        DeliveryDispatcher<WebhookRequest> webhook = new DeliveryDispatcher<>(
                new WebhookChannel(HttpClient.newHttpClient(), settings.webhookUrls(),
                        settings.webhook().requestTimeout(), clock),
                ledger, settings.webhookRetries(), sink, webhookLanes, clock, new Random(),
                metrics.deliveryListener("webhook"));
        metrics.gaugeDeliveriesQueued("email", mail::queued);
        metrics.gaugeDeliveriesQueued("webhook", webhook::queued);

        ExecutorService feedWriters = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "paperwire-feed-writer");
            t.setDaemon(true);
            return t;
        });
        SseBroadcaster<MatchedPaper> feed = new SseBroadcaster<>(new FeedEvents(new ObjectMapper())::alert, 256,
                feedWriters);
        KafkaConsumer<String, Alert> alerts = new KafkaConsumer<>(AlertDeliveryService.alertConsumerConfig(bootstrap),
                topics.alerts().keySerde().deserializer(), topics.alerts().valueSerde().deserializer());
        SubscriptionDirectory directory = new SubscriptionDirectory() {
            @Override
            public Optional<Subscription> find(String id) {
                return notify.subscriptions().get(id);
            }

            @Override
            public Collection<Subscription> all() {
                return notify.subscriptions().all();
            }
        };
        AlertDeliveryService service = new AlertDeliveryService(alerts, topics.alerts().name(),
                replay(bootstrap, topics.enriched()), replay(bootstrap, topics.trending()),
                replay(bootstrap, topics.alerts()), directory, ledger,
                new AlertDeliveryService.MailDelivery(mail, new AlertMailComposer(smtp, clock)),
                Optional.of(new AlertDeliveryService.WebhookDelivery(webhook, new AlertWebhookComposer(new ObjectMapper()))),
                Optional.of(feed), settings.digest(), settings.delivery(), clock);
        metrics.gaugeDigestMatchesHeld(() -> service.digestContent().matchesHeld());
        DeliveryRunner runner = new DeliveryRunner(ledger, service, deadLetterProducer,
                smtp.smtpConfigured() ? null : dataDir.resolve(MailChannels.EML_DIRECTORY), feed, feedWriters,
                webhookLanes);
        registerFeeds(notify, service, feed, new AtomFeedRenderer(publicBaseUrl, clock), clock);
        runner.loop.start();
        return runner;
    }

    /** Where mails are written as {@code .eml} files, when no SMTP server is configured. */
    public Optional<Path> mailDirectory() {
        return Optional.ofNullable(mailDirectory);
    }

    /** Alerts read so far. */
    public long alertsHandled() {
        return service.alertsHandled();
    }

    private void runLoop() {
        try {
            service.run();
        } catch (RuntimeException e) {
            log.error("alert delivery stopped", e);
        }
    }

    /**
     * The live feeds on notify's HTTP server: {@code GET /api/feed/stream[?subscription=ID][&query=QUERY]}
     * (Server-Sent Events of alerts as they are delivered; only one subscription's, and only those whose paper
     * matches QUERY in the subscription syntax; a bad query gets 400 with the reason) and {@code GET /feeds/ID.atom} (an Atom feed of a subscription's recent matches).
     */
    private static void registerFeeds(NotifyService notify, AlertDeliveryService service,
                                      SseBroadcaster<MatchedPaper> feed, AtomFeedRenderer atom, Clock clock) {
        notify.http().register("/api/feed/stream", exchange -> {
            Map<String, String> parameters = queryParameters(exchange.getRequestURI().getRawQuery());
            String subscription = parameters.get("subscription");
            Predicate<EnrichedPaper> papers = paper -> true;
            if (parameters.containsKey("query")) {
                try {
                    papers = PaperQueryFilter.parse(parameters.get("query"));
                } catch (QueryValidationException e) {
                    try (exchange) {
                        byte[] body = ("bad query: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                        exchange.sendResponseHeaders(400, body.length);
                        exchange.getResponseBody().write(body);
                    }
                    return;
                }
            }
            Predicate<EnrichedPaper> wantedPapers = papers;
            feed.attach(exchange, match -> (subscription == null || subscription.equals(match.alert().getSubscriptionId()))
                    && wantedPapers.test(match.paper()));
        });
        notify.http().register("/feeds/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String name = path.substring("/feeds/".length());
                Optional<Subscription> subscription = name.endsWith(".atom")
                        ? notify.subscriptions().get(name.substring(0, name.length() - ".atom".length()))
                        : Optional.empty();
                if (subscription.isEmpty() || !"GET".equals(exchange.getRequestMethod())) {
                    byte[] body = "no such feed\n".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(404, body.length);
                    exchange.getResponseBody().write(body);
                    return;
                }
                var matches = service.digestContent().matches(subscription.get(), java.time.Instant.EPOCH,
                        clock.instant());
                exchange.getResponseHeaders().set("Content-Type", AtomFeedRenderer.CONTENT_TYPE);
                exchange.sendResponseHeaders(200, 0);
                atom.write(subscription.get(), matches, exchange.getResponseBody());
            }
        });
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    @Override
    public void close() {
        feed.close();
        feedWriters.shutdownNow();
        service.close();
        try {
            loop.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        webhookLanes.close(Duration.ofSeconds(10));
        deadLetters.close(Duration.ofSeconds(5));
        ledger.close();
    }

    private static <V> TopicReplay<String, V> replay(String bootstrap, Topic<String, V> topic) {
        Map<String, Object> config = new HashMap<>(KafkaDeliveryLedger.restoreConsumerConfig(bootstrap));
        return new TopicReplay<>(new KafkaConsumer<>(config, topic.keySerde().deserializer(),
                topic.valueSerde().deserializer()), topic.name(), TIMEOUT);
    }
}
