package io.paperwire.app.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches this process's memory while the bench runs. In: nothing but the JVM and {@code /proc/self/status}. Out: the
 * peak heap in use (sampled every {@link #INTERVAL} and on demand; garbage included, so it depends on how lazy the
 * collector may be under the heap limit), the peak heap still in use right after a garbage collection (the live
 * data: what the bench needs), the heap limit, and the process's resident set
 * now ({@code VmRSS}) and at its peak ({@code VmHWM}) where the operating system tells them; and the CPU time of the
 * whole process, so that stages can be compared per paper as well as per second.
 */
final class ResourceSampler implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakHeap = new AtomicLong();
    private final AtomicLong peakHeapAfterGc = new AtomicLong();
    private final ScheduledExecutorService sampler;
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final NotificationListener afterGc = this::afterGc;
    private final List<NotificationEmitter> emitters = new ArrayList<>();

    ResourceSampler() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterGc, null, null);
                emitters.add(emitter);
            }
        }
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "paperwire-bench-memory");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes a sample now. */
    void sample() {
        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    private void afterGc(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        peakHeapAfterGc.accumulateAndGet(used, Math::max);
    }

    /** The most heap in use right after any garbage collection so far (0 when none ran). */
    long peakHeapAfterGcBytes() {
        return peakHeapAfterGc.get();
    }

    long peakHeapBytes() {
        sample();
        return peakHeap.get();
    }

    /** The heap limit ({@code -Xmx}), or -1 when the JVM has none. */
    long maxHeapBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    /** Resident set size now, when {@code /proc/self/status} tells it. */
    static OptionalLong residentBytes() {
        return procStatusKilobytes("VmRSS:");
    }

    /** Peak resident set size of the process ("high water mark"), when {@code /proc/self/status} tells it. */
    static OptionalLong peakResidentBytes() {
        return procStatusKilobytes("VmHWM:");
    }

    /** CPU time of the whole process (every thread, the embedded broker's too), or -1 when the JVM cannot tell. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Physical memory of the machine, or -1 when the JVM cannot tell. */
    static long machineMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static OptionalLong procStatusKilobytes(String field) {
        if (!Files.isReadable(PROC_STATUS)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(afterGc);
            } catch (javax.management.ListenerNotFoundException e) {
                // already gone: nothing to remove
            }
        }
    }
}
