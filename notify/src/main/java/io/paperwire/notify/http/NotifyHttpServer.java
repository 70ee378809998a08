package io.paperwire.notify.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * paperwire's HTTP server (the JDK's {@code com.sun.net.httpserver}) with a route registry: each part of the
 * service {@link #register}s its handler under a path prefix (the longest matching prefix wins). Requests run on a
 * small fixed pool.
 */
public final class NotifyHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private NotifyHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds {@code host:port} (port 0: a free one) and starts serving; routes may be added before or after.
     *
     * @param threads request threads
     */
    public static NotifyHttpServer start(String host, int port, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "notify-http");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
            return new NotifyHttpServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    /** Serves every path under {@code pathPrefix} (e.g. {@code /api/subscriptions}) with {@code handler}. */
    public NotifyHttpServer register(String pathPrefix, HttpHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (pathPrefix == null || !pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with '/', was " + pathPrefix);
        }
        server.createContext(pathPrefix, handler);
        return this;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port}. */
    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    /** Stops accepting requests, lets running ones finish for up to {@code timeout}, then stops. */
    public void close(Duration timeout) {
        server.stop((int) Math.max(0, Math.min(Integer.MAX_VALUE, timeout.toSeconds())));
        executor.shutdown();
        try {
            executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(1));
    }
}
