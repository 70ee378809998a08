package io.paperwire.notify.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.paperwire.notify.delivery.BoundedLanes;
import io.paperwire.notify.delivery.DeliveryDispatcher;
import io.paperwire.notify.delivery.DeliveryFixtures;
import io.paperwire.notify.delivery.DeliveryLanes;
import io.paperwire.notify.delivery.DeliveryLedger;
import io.paperwire.notify.delivery.DeliveryResult;
import io.paperwire.notify.delivery.InMemoryDeadLetters;
import io.paperwire.notify.delivery.InMemoryDeliveryLedger;
import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.MutableClock;
import io.paperwire.notify.delivery.RetryPolicy;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.WebhookTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks POSTed to real HTTP servers in the test process (JDK HttpServer on loopback). */
class WebhookChannelTest {

    private static final String SECRET = "s3cr3t-shared-with-the-receiver";

    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
    private final InMemoryDeliveryLedger ledger = new InMemoryDeliveryLedger();
    private final InMemoryDeadLetters deadLetters = new InMemoryDeadLetters();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookUrlPolicy loopbackAllowed = new WebhookUrlPolicy(
            EnumSet.of(WebhookUrlPolicy.AddressClass.LOOPBACK), InetAddress::getAllByName);
    private final AlertWebhookComposer composer = new AlertWebhookComposer(new ObjectMapper());
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<CountDownLatch> toRelease = new ArrayList<>();

    @AfterEach
    void stopServers() {
        toRelease.forEach(latch -> latch.countDown());
        servers.forEach(server -> server.stop(0));
    }

    /** A server on loopback answering every request with the status {@code answer} computes, recording it. */
    private String serve(List<Received> log, java.util.function.IntSupplier answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> respond(exchange, log, answer.getAsInt()));
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private static void respond(HttpExchange exchange, List<Received> log, int status) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        log.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private WebhookRequest request(String url, String paperKey) {
        Subscription subscription = DeliveryFixtures.subscription("sub-1")
                .setWebhook(new WebhookTarget(url, SECRET)).build();
        MatchedPaper match = DeliveryFixtures.match("sub-1", paperKey, "A <script> title", clock.instant());
        return composer.request(match, subscription);
    }

    private DeliveryDispatcher<WebhookRequest> dispatcher(DeliveryLanes lanes, int maxAttempts, Duration timeout) {
        return new DeliveryDispatcher<>(new WebhookChannel(http, loopbackAllowed, timeout, clock), ledger,
                new RetryPolicy(maxAttempts, Duration.ofSeconds(10), Duration.ofMinutes(1), 2.0, 0.0), deadLetters,
                lanes, clock, new Random(9));
    }

    @Test
    void shouldPostASignedJsonAlertThatTheReceiverCanVerify() throws Exception {
        List<Received> log = new CopyOnWriteArrayList<>();
        String url = serve(log, () -> 204);
        WebhookRequest request = request(url, "arxiv:2506.00001");
        DeliveryDispatcher<WebhookRequest> dispatcher = dispatcher(DeliveryLanes.callerThread(), 3,
                Duration.ofSeconds(5));

        dispatcher.submit(request);
        dispatcher.runDue();

        assertThat(log).hasSize(1);
        Received received = log.get(0);
        String timestamp = received.header(WebhookSignatures.TIMESTAMP_HEADER);
        String signature = received.header(WebhookSignatures.SIGNATURE_HEADER);
        assertThat(timestamp).isEqualTo(String.valueOf(clock.instant().getEpochSecond()));
        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(received.header(WebhookSignatures.DELIVERY_HEADER)).isEqualTo(request.deliveryId())
                .isEqualTo(AlertWebhookComposer.deliveryIdOf("sub-1|arxiv:2506.00001|v1"));
        assertThat(received.header("Content-Type")).startsWith("application/json");

        Duration tolerance = Duration.ofMinutes(5);
        assertThat(WebhookSignatures.verify(SECRET, timestamp, received.body(), signature, clock.instant(), tolerance))
                .isTrue();
        assertThat(WebhookSignatures.verify("wrong secret", timestamp, received.body(), signature, clock.instant(),
                tolerance)).isFalse();
        byte[] tampered = new String(received.body(), StandardCharsets.UTF_8).replace("sub-1", "sub-2")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.verify(SECRET, timestamp, tampered, signature, clock.instant(), tolerance))
                .isFalse();
        assertThat(WebhookSignatures.verify(SECRET, timestamp, received.body(), signature,
                clock.instant().plus(Duration.ofMinutes(6)), tolerance)).as("a replay later is refused").isFalse();

        JsonNode json = new ObjectMapper().readTree(received.body());
        assertThat(json.get("alertId").asText()).isEqualTo("sub-1|arxiv:2506.00001|v1");
        assertThat(json.get("subscriptionId").asText()).isEqualTo("sub-1");
        assertThat(json.get("paperKey").asText()).isEqualTo("arxiv:2506.00001");
        assertThat(json.get("title").asText()).isEqualTo("A <script> title");
        assertThat(json.at("/links/abstract").asText()).isEqualTo("https://arxiv.org/abs/2506.00001");
        assertThat(json.at("/links/pdf").asText()).isEqualTo("https://arxiv.org/pdf/2506.00001v1");
        assertThat(json.get("reasons")).hasSize(2);
        assertThat(json.at("/reasons/0/kind").asText()).isEqualTo("TAG");
        assertThat(ledger.isSent(request.deliveryKey())).isTrue();
    }

    @Test
    void shouldRetryA500WithBackoffAndDeliverOnce() throws Exception {
        List<Received> log = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        String url = serve(log, () -> calls.incrementAndGet() <= 2 ? 500 : 200);
        DeliveryDispatcher<WebhookRequest> dispatcher = dispatcher(DeliveryLanes.callerThread(), 5,
                Duration.ofSeconds(5));
        WebhookRequest request = request(url, "arxiv:2506.00001");

        dispatcher.submit(request);
        dispatcher.runDue();
        clock.advance(Duration.ofSeconds(10));
        dispatcher.runDue();
        clock.advance(Duration.ofSeconds(19));
        assertThat(dispatcher.runDue()).as("second backoff is 20 s").isZero();
        clock.advance(Duration.ofSeconds(1));
        dispatcher.runDue();
        clock.advance(Duration.ofMinutes(5));
        dispatcher.runDue();

        assertThat(log).hasSize(3);
        assertThat(log).extracting(r -> r.header(WebhookSignatures.DELIVERY_HEADER)).containsOnly(request.deliveryId());
        assertThat(dispatcher.attempts()).extracting(a -> a.result().getClass().getSimpleName())
                .containsExactly("RetryableFailure", "RetryableFailure", "Delivered");
        assertThat(dispatcher.attempts().get(0).result().detail()).contains("answered 500");
        assertThat(ledger.isSent(request.deliveryKey())).isTrue();
    }

    @Test
    void shouldDeadLetterAfterNFailures() throws Exception {
        List<Received> log = new CopyOnWriteArrayList<>();
        String url = serve(log, () -> 503);
        DeliveryDispatcher<WebhookRequest> dispatcher = dispatcher(DeliveryLanes.callerThread(), 3,
                Duration.ofSeconds(5));
        WebhookRequest request = request(url, "arxiv:2506.00001");

        dispatcher.submit(request);
        for (int i = 0; i < 6; i++) {
            dispatcher.runDue();
            clock.advance(Duration.ofMinutes(2));
        }

        assertThat(log).hasSize(3);
        assertThat(deadLetters.all()).singleElement().satisfies(dead -> {
            assertThat(dead.attempts()).isEqualTo(3);
            assertThat(dead.channel()).isEqualTo("webhook");
            assertThat(dead.lastReason()).contains("answered 503");
            assertThat(((WebhookRequest) dead.message()).bodyText()).contains("arxiv:2506.00001");
        });
        assertThat(ledger.dead()).extracting(DeliveryLedger.Entry::key).containsExactly(request.deliveryKey());
    }

    @Test
    void shouldNotLetASlowEndpointDelayAnother() throws Exception {
        CountDownLatch slowEntered = new CountDownLatch(1);
        CountDownLatch releaseSlow = new CountDownLatch(1);
        toRelease.add(releaseSlow);
        List<Received> slowLog = new CopyOnWriteArrayList<>();
        List<Received> fastLog = new CopyOnWriteArrayList<>();
        String slowUrl = serve(slowLog, () -> {
            slowEntered.countDown();
            try {
                releaseSlow.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
        String fastUrl = serve(fastLog, () -> 200);

        try (BoundedLanes lanes = new BoundedLanes(1, 10, "webhook-test")) {
            DeliveryDispatcher<WebhookRequest> dispatcher = dispatcher(lanes, 3, Duration.ofSeconds(30));
            WebhookRequest slow = request(slowUrl, "arxiv:2506.00001");
            WebhookRequest fast = request(fastUrl, "arxiv:2506.00002");
            dispatcher.submit(slow);
            dispatcher.runDue();
            assertThat(slowEntered.await(10, TimeUnit.SECONDS)).as("the slow endpoint got its request").isTrue();
            dispatcher.submit(fast);
            dispatcher.runDue();

            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.isSent(fast.deliveryKey()));
            assertThat(fastLog).hasSize(1);
            assertThat(ledger.isSent(slow.deliveryKey())).as("the slow one is still waiting").isFalse();

            releaseSlow.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> ledger.isSent(slow.deliveryKey()));
            assertThat(slowLog).hasSize(1);
        }
    }

    @Test
    void shouldTimeOutAHangingEndpointAsRetryable() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        toRelease.add(never);
        String url = serve(new CopyOnWriteArrayList<>(), () -> {
            try {
                never.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
        WebhookChannel channel = new WebhookChannel(http, loopbackAllowed, Duration.ofMillis(300), clock);

        DeliveryResult result = channel.deliver(request(url, "arxiv:2506.00001"));

        assertThat(result).isInstanceOf(DeliveryResult.RetryableFailure.class);
        assertThat(result.detail()).contains("timed out");
    }

    @Test
    void shouldRefuseLoopbackUnlessAllowedWithoutSendingAnything() throws Exception {
        List<Received> log = new CopyOnWriteArrayList<>();
        String url = serve(log, () -> 200);
        WebhookChannel publicOnly = new WebhookChannel(http, WebhookUrlPolicy.publicOnly(), Duration.ofSeconds(5),
                clock);

        DeliveryResult result = publicOnly.deliver(request(url, "arxiv:2506.00001"));

        assertThat(result).isInstanceOf(DeliveryResult.PermanentFailure.class);
        assertThat(result.detail()).contains("loopback", WebhookUrlPolicy.ALLOW_SETTING);
        assertThat(log).isEmpty();
    }

    @Test
    void shouldTreatClientErrorsAndRedirectsAsPermanent() throws Exception {
        String gone = serve(new CopyOnWriteArrayList<>(), () -> 410);
        String moved = serve(new CopyOnWriteArrayList<>(), () -> 301);
        String busy = serve(new CopyOnWriteArrayList<>(), () -> 429);
        WebhookChannel channel = new WebhookChannel(http, loopbackAllowed, Duration.ofSeconds(5), clock);

        assertThat(channel.deliver(request(gone, "arxiv:1"))).isInstanceOf(DeliveryResult.PermanentFailure.class);
        assertThat(channel.deliver(request(moved, "arxiv:2")).detail()).contains("redirects are not followed");
        assertThat(channel.deliver(request(busy, "arxiv:3"))).isInstanceOf(DeliveryResult.RetryableFailure.class);
    }
}
