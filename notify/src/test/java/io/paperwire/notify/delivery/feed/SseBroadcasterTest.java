package io.paperwire.notify.delivery.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.paperwire.notify.delivery.DeliveryFixtures;
import io.paperwire.notify.delivery.MatchedPaper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SseBroadcasterTest {

    private final ExecutorService writers = Executors.newCachedThreadPool();
    private final FeedEvents events = new FeedEvents(new ObjectMapper());
    private final SseBroadcaster<MatchedPaper> broadcaster = new SseBroadcaster<>(events::alert, 16, writers);
    private HttpServer server;

    @AfterEach
    void stop() {
        broadcaster.close();
        if (server != null) {
            server.stop(0);
        }
        writers.shutdownNow();
    }

    private static MatchedPaper match(String subscriptionId, int n) {
        return DeliveryFixtures.match(subscriptionId, "arxiv:2506.%05d".formatted(n), "Paper " + n,
                Instant.parse("2025-06-01T10:00:00Z").plusSeconds(n));
    }

    /** Reads an event stream in the background, line by line. */
    private static List<String> readLines(HttpClient client, URI uri, List<String> contentTypes) {
        List<String> lines = new CopyOnWriteArrayList<>();
        client.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                    contentTypes.add(response.headers().firstValue("Content-Type").orElse(""));
                    try (Stream<String> stream = response.body()) {
                        stream.forEach(lines::add);
                    } catch (RuntimeException closed) {
                        // the server went away at the end of the test
                    }
                });
        return lines;
    }

    @Test
    void shouldStreamFramedEventsToRealHttpClientsHonouringTheirFilters() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(writers);
        server.createContext("/api/feed/stream", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            Predicate<MatchedPaper> filter = query == null ? m -> true
                    : m -> m.alert().getSubscriptionId().equals(query.substring("subscription=".length()));
            broadcaster.attach(exchange, filter);
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/feed/stream";
        HttpClient client = HttpClient.newHttpClient();
        List<String> contentTypes = new CopyOnWriteArrayList<>();
        List<String> onlySub1 = readLines(client, URI.create(base + "?subscription=sub-1"), contentTypes);
        List<String> everything = readLines(client, URI.create(base), contentTypes);
        await().atMost(Duration.ofSeconds(10)).until(() -> broadcaster.clientCount() == 2);

        assertThat(broadcaster.publish(match("sub-1", 1))).isEqualTo(2);
        assertThat(broadcaster.publish(match("sub-2", 2))).isEqualTo(1);
        assertThat(broadcaster.publish(match("sub-1", 3))).isEqualTo(2);

        await().atMost(Duration.ofSeconds(10)).until(() -> everything.stream().filter(l -> l.startsWith("id: ")).count() == 3
                && onlySub1.stream().filter(l -> l.startsWith("id: ")).count() == 2);
        assertThat(contentTypes).containsOnly("text/event-stream; charset=utf-8");
        assertThat(onlySub1).filteredOn(l -> l.startsWith("id: "))
                .containsExactly("id: sub-1|arxiv:2506.00001|v1", "id: sub-1|arxiv:2506.00003|v1");
        int first = onlySub1.indexOf("id: sub-1|arxiv:2506.00001|v1");
        assertThat(onlySub1.get(first + 1)).isEqualTo("event: alert");
        assertThat(onlySub1.get(first + 2)).startsWith("data: {").contains("\"paperKey\":\"arxiv:2506.00001\"");
        assertThat(onlySub1.get(first + 3)).as("a blank line ends the event").isEmpty();
        assertThat(everything).filteredOn(l -> l.startsWith("id: ")).hasSize(3)
                .contains("id: sub-2|arxiv:2506.00002|v1");
    }

    /** A client whose connection stops taking bytes until it is closed. */
    static final class StalledStream extends OutputStream {
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void write(int b) throws IOException {
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stream closed");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            write(0);
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }

    /** A client that reads everything at once. */
    static final class FastStream extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldDropASlowClientInsteadOfBlockingTheOthers() {
        SseBroadcaster<MatchedPaper> small = new SseBroadcaster<>(events::alert, 2, writers);
        StalledStream stalled = new StalledStream();
        FastStream fast = new FastStream();
        SseBroadcaster<MatchedPaper>.Client slowClient = small.attach(stalled, m -> true);
        small.attach(fast, m -> true);

        // The fast client keeps up (each event reaches it before the next is published); the stalled one cannot,
        // so its queue of 2 overflows and it is dropped, while publishing never waits for it.
        for (int n = 1; n <= 10; n++) {
            small.publish(match("sub-1", n));
            int expected = n;
            await().atMost(Duration.ofSeconds(10)).until(() -> fast.text().split("event: alert", -1).length - 1 == expected);
        }

        assertThat(slowClient.isClosed()).isTrue();
        assertThat(slowClient.closeReason()).contains("too slow");
        assertThat(small.clientCount()).isEqualTo(1);
        small.close();
    }
}
