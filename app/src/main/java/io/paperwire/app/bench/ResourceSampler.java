package io.paperwire.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches this process's memory while the bench runs. In: nothing but the JVM and {@code /proc/self/status}. Out: the
 * peak heap in use (sampled every {@link #INTERVAL} and on demand), the heap limit, and the process's resident set
 * now ({@code VmRSS}) and at its peak ({@code VmHWM}) where the operating system tells them; and the CPU time of the
 * whole process, so that stages can be compared per paper as well as per second.
 */
final class ResourceSampler implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakHeap = new AtomicLong();
    private final ScheduledExecutorService sampler;

    ResourceSampler() {
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
    }
}
