package io.paperwire.notify.delivery.feed;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans items (alerts, enriched papers) out to connected Server-Sent Events clients. Input: {@link #publish} from
 * the notify service; output: one {@link SseEvent} frame per item on every client whose filter accepts it. Each
 * client has a bounded queue drained by its own writer task on the given {@link Executor}; {@link #publish} never
 * blocks: a client whose queue is full (it reads too slowly) is dropped and its stream closed, and the others go
 * on. A client that disconnects is removed at its next write.
 *
 * @param <T> the item type
 */
public final class SseBroadcaster<T> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SseBroadcaster.class);
    private static final byte[] CLOSE = new byte[0];

    /** A connected client. */
    public final class Client {
        private final OutputStream out;
        private final Predicate<? super T> filter;
        private final BlockingQueue<byte[]> queue;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile String closeReason;

        private Client(OutputStream out, Predicate<? super T> filter) {
            this.out = out;
            this.filter = filter;
            this.queue = new ArrayBlockingQueue<>(queueCapacity);
        }

        /** True once the client was dropped, disconnected or closed. */
        public boolean isClosed() {
            return closed.get();
        }

        /** Why the client was closed, or null while it is open. */
        public String closeReason() {
            return closeReason;
        }

        /** Closes the client's stream and removes it from the broadcaster. */
        public void close(String reason) {
            if (closed.compareAndSet(false, true)) {
                closeReason = reason;
                clients.remove(this);
                queue.clear();
                queue.offer(CLOSE);
                try {
                    out.close();
                } catch (IOException e) {
                    LOG.debug("closing an SSE client stream failed", e);
                }
                LOG.info("SSE client closed: {}", reason);
            }
        }

        private boolean offer(byte[] frame) {
            if (closed.get()) {
                return false;
            }
            if (!queue.offer(frame)) {
                close("too slow: " + queueCapacity + " events waiting");
                return false;
            }
            return true;
        }

        private void drain() {
            try {
                while (!closed.get()) {
                    byte[] frame = queue.take();
                    if (frame == CLOSE) {
                        break;
                    }
                    out.write(frame);
                    out.flush();
                }
            } catch (IOException e) {
                close("disconnected: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close("writer interrupted");
            }
        }
    }

    private final Function<? super T, SseEvent> toEvent;
    private final int queueCapacity;
    private final Executor writers;
    private final List<Client> clients = new CopyOnWriteArrayList<>();

    /**
     * @param toEvent       turns an item into its event
     * @param queueCapacity events a client may have waiting before it is dropped
     * @param writers       runs one long-lived writer task per client (e.g. a cached thread pool)
     */
    public SseBroadcaster(Function<? super T, SseEvent> toEvent, int queueCapacity, Executor writers) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
        }
        this.toEvent = Objects.requireNonNull(toEvent, "toEvent");
        this.queueCapacity = queueCapacity;
        this.writers = Objects.requireNonNull(writers, "writers");
    }

    /** Connects a client writing to {@code out}; it receives the items {@code filter} accepts. */
    public Client attach(OutputStream out, Predicate<? super T> filter) {
        Client client = new Client(Objects.requireNonNull(out, "out"), Objects.requireNonNull(filter, "filter"));
        clients.add(client);
        writers.execute(client::drain);
        return client;
    }

    /**
     * Answers an HTTP exchange with an event stream: status 200, {@code Content-Type: text/event-stream},
     * {@code Cache-Control: no-cache}, chunked body, then connects it as a client.
     */
    public Client attach(HttpExchange exchange, Predicate<? super T> filter) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(SseEvent.keepAliveComment());
        body.flush();
        return attach(body, filter);
    }

    /**
     * Queues {@code item} for every client whose filter accepts it; never blocks.
     *
     * @return how many clients it was queued for
     */
    public int publish(T item) {
        byte[] frame = null;
        int queued = 0;
        for (Client client : clients) {
            boolean wanted;
            try {
                wanted = client.filter.test(item);
            } catch (RuntimeException e) {
                LOG.warn("an SSE client filter failed; the client is dropped", e);
                client.close("filter failed: " + e);
                continue;
            }
            if (wanted) {
                if (frame == null) {
                    frame = toEvent.apply(item).frameBytes();
                }
                if (client.offer(frame)) {
                    queued++;
                }
            }
        }
        return queued;
    }

    /** Sends a comment to every client, so idle connections stay open and dead ones are found. */
    public void keepAlive() {
        byte[] comment = SseEvent.keepAliveComment();
        clients.forEach(client -> client.offer(comment));
    }

    /** Clients connected now. */
    public int clientCount() {
        return clients.size();
    }

    @Override
    public void close() {
        clients.forEach(client -> client.close("broadcaster closed"));
    }
}
