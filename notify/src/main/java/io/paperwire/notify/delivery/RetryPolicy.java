package io.paperwire.notify.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential backoff ({@code initialBackoff * multiplier^(n-1)}, capped at
 * {@code maxBackoff}) with a random jitter of ±{@code jitterFraction}, and at most {@code maxAttempts} attempts in
 * all; after that the delivery goes to the dead letters.
 *
 * @param maxAttempts    attempts in all, the first one included (at least 1)
 * @param initialBackoff wait after the first failure
 * @param maxBackoff     longest wait between two attempts, before jitter
 * @param multiplier     growth of the wait per failure (at least 1)
 * @param jitterFraction how much the wait is spread at random, 0 (none) to 1 (anywhere between 0 and twice)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          double jitterFraction) {

    /** Setting names, read by {@link #fromProperties(Properties, String)} after the channel's prefix. */
    public static final String MAX_ATTEMPTS = "retry.max.attempts";
    public static final String INITIAL_BACKOFF = "retry.initial.backoff";
    public static final String MAX_BACKOFF = "retry.max.backoff";
    public static final String MULTIPLIER = "retry.multiplier";
    public static final String JITTER = "retry.jitter";

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "need 0 <= initialBackoff <= maxBackoff, got " + initialBackoff + " and " + maxBackoff);
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
        }
        if (!(jitterFraction >= 0.0 && jitterFraction <= 1.0)) {
            throw new IllegalArgumentException("jitterFraction must be within 0..1, got " + jitterFraction);
        }
    }

    /** 8 attempts, 30 s doubling up to 1 h, ±20 % jitter: about 2 h of trying before the dead letters. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1), 2.0, 0.2);
    }

    /**
     * Reads {@code <prefix>retry.max.attempts}, {@code retry.initial.backoff}, {@code retry.max.backoff} (ISO-8601
     * durations such as {@code PT30S}), {@code retry.multiplier} and {@code retry.jitter}; missing ones keep the
     * {@link #defaults()}.
     */
    public static RetryPolicy fromProperties(Properties properties, String prefix) {
        RetryPolicy d = defaults();
        try {
            return new RetryPolicy(
                    Integer.parseInt(properties.getProperty(prefix + MAX_ATTEMPTS, String.valueOf(d.maxAttempts))),
                    Duration.parse(properties.getProperty(prefix + INITIAL_BACKOFF, d.initialBackoff.toString())),
                    Duration.parse(properties.getProperty(prefix + MAX_BACKOFF, d.maxBackoff.toString())),
                    Double.parseDouble(properties.getProperty(prefix + MULTIPLIER, String.valueOf(d.multiplier))),
                    Double.parseDouble(properties.getProperty(prefix + JITTER, String.valueOf(d.jitterFraction))));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid retry settings under '" + prefix + "retry.*': "
                    + e.getMessage(), e);
        }
    }

    /** True when {@code attemptsMade} attempts used up the policy. */
    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** The wait before attempt {@code failedAttempts + 1}, after {@code failedAttempts} failures (at least 1). */
    public Duration backoffAfter(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, got " + failedAttempts);
        }
        double base = initialBackoff.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        double capped = Math.min(base, maxBackoff.toMillis());
        double spread = 1.0 + jitterFraction * (2.0 * random.nextDouble() - 1.0);
        return Duration.ofMillis(Math.round(capped * spread));
    }
}
