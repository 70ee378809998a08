package io.paperwire.notify.delivery;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs delivery attempts by lane. Attempts in one lane share its capacity; lanes do not wait for each other, so a
 * slow webhook host holds up its own lane only. {@link #callerThread()} runs every attempt at once on the calling
 * thread (fine for one SMTP server, handy in tests); {@link BoundedLanes} gives every lane its own small pool.
 */
public interface DeliveryLanes extends AutoCloseable {

    /**
     * Runs {@code attempt} in {@code lane}.
     *
     * @throws RejectedExecutionException when the lane is full; the dispatcher tries again later
     */
    void execute(String lane, Runnable attempt);

    /** Stops taking attempts and waits up to {@code timeout} for running ones. */
    void close(Duration timeout);

    @Override
    default void close() {
        close(Duration.ofSeconds(10));
    }

    /** Runs each attempt synchronously on the thread that asks. */
    static DeliveryLanes callerThread() {
        return new DeliveryLanes() {
            @Override
            public void execute(String lane, Runnable attempt) {
                attempt.run();
            }

            @Override
            public void close(Duration timeout) {
                // nothing runs in the background
            }
        };
    }
}
