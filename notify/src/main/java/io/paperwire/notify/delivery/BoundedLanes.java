package io.paperwire.notify.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link DeliveryLanes} with one bounded pool per lane (per webhook host): at most {@code threadsPerLane} attempts
 * run at once in a lane and at most {@code queuedPerLane} wait; beyond that the lane refuses and the dispatcher
 * tries later. Idle lanes give their threads back after a minute.
 */
public final class BoundedLanes implements DeliveryLanes {

    private final int threadsPerLane;
    private final int queuedPerLane;
    private final String threadNamePrefix;
    private final Map<String, ThreadPoolExecutor> lanes = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public BoundedLanes(int threadsPerLane, int queuedPerLane, String threadNamePrefix) {
        if (threadsPerLane < 1 || queuedPerLane < 1) {
            throw new IllegalArgumentException("threadsPerLane and queuedPerLane must be at least 1, got "
                    + threadsPerLane + " and " + queuedPerLane);
        }
        this.threadsPerLane = threadsPerLane;
        this.queuedPerLane = queuedPerLane;
        this.threadNamePrefix = threadNamePrefix;
    }

    @Override
    public void execute(String lane, Runnable attempt) {
        if (closed) {
            throw new RejectedExecutionException("lanes are closed");
        }
        lanes.computeIfAbsent(lane, this::newLane).execute(attempt);
    }

    private ThreadPoolExecutor newLane(String lane) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threadsPerLane, threadsPerLane, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(queuedPerLane), runnable -> {
                    Thread thread = new Thread(runnable, threadNamePrefix + "-" + lane + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public void close(Duration timeout) {
        closed = true;
        lanes.values().forEach(ThreadPoolExecutor::shutdown);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ThreadPoolExecutor pool : lanes.values()) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !pool.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
