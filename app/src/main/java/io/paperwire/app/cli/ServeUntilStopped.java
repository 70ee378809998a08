package io.paperwire.app.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a serving command ends: on Ctrl-C (or SIGTERM) the JVM's shutdown hook closes what the command started, in the
 * order given (services before the platform they run on), and the command's thread returns once all are closed.
 */
final class ServeUntilStopped {

    private static final Logger log = LoggerFactory.getLogger(ServeUntilStopped.class);

    private ServeUntilStopped() {
    }

    /** Blocks until the process is asked to stop, then closes {@code inOrder}; a failing close does not stop the rest. */
    static void serve(String name, List<? extends AutoCloseable> inOrder) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                for (AutoCloseable closeable : inOrder) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        log.warn("{}: stopping {} failed: {}", name, closeable.getClass().getSimpleName(), e.toString());
                    }
                }
            } finally {
                stopped.countDown();
            }
        }, "paperwire-" + name + "-shutdown"));
        stopped.await();
    }

    /** Closes {@code inOrder} now, after a failed start; a failing close does not stop the rest. */
    static void closeQuietly(List<? extends AutoCloseable> inOrder) {
        for (AutoCloseable closeable : inOrder) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("stopping {} after a failed start failed: {}", closeable.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
