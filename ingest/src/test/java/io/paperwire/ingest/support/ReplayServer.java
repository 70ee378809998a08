package io.paperwire.ingest.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real local HTTP server (JDK {@code HttpServer}) that replays recorded responses: for each path+query (or path
 * only), a queue of responses served in order, the last one repeated. Records every request it got.
 */
public final class ReplayServer implements AutoCloseable {

    /** One response to serve. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public static Reply ok(byte[] body) {
            return new Reply(200, Map.of(), body);
        }

        public static Reply ok(Path file) {
            try {
                return ok(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public static Reply status(int status, String body, Map<String, String> headers) {
            return new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A request as received. */
    public record Received(String method, URI uri, String userAgent) {
        public String query() {
            return uri.getRawQuery() == null ? "" : uri.getRawQuery();
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public ReplayServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves {@code replies} in order for requests whose path and raw query equal {@code pathAndQuery}. */
    public ReplayServer on(String pathAndQuery, Reply... replies) {
        this.replies.computeIfAbsent(pathAndQuery, k -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        received.add(new Received(exchange.getRequestMethod(), uri,
                exchange.getRequestHeaders().getFirst("User-Agent")));
        String full = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Deque<Reply> queue = replies.getOrDefault(full, replies.get(uri.getRawPath()));
        Reply reply;
        if (queue == null || queue.isEmpty()) {
            reply = Reply.status(404, "no recording for " + full, Map.of());
        } else {
            synchronized (queue) {
                reply = queue.size() > 1 ? queue.poll() : queue.peek();
            }
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
