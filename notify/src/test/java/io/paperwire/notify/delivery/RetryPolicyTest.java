package io.paperwire.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void shouldDoubleTheBackoffUpToTheCapWithoutJitter() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofMinutes(3), 2.0, 0.0);
        Random random = new Random(1);

        assertThat(policy.backoffAfter(1, random)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoffAfter(2, random)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.backoffAfter(3, random)).isEqualTo(Duration.ofSeconds(120));
        assertThat(policy.backoffAfter(4, random)).isEqualTo(Duration.ofMinutes(3));
        assertThat(policy.backoffAfter(9, random)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void shouldSpreadTheBackoffWithinTheJitterFraction() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(100), Duration.ofHours(1), 2.0, 0.2);
        Random random = new Random(7);
        long distinct = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> policy.backoffAfter(1, random))
                .peek(d -> assertThat(d).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(120)))
                .distinct().count();
        assertThat(distinct).as("jitter spreads retries of many deliveries").isGreaterThan(50);
    }

    @Test
    void shouldBeExhaustedAfterMaxAttempts() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0, 0.0);
        assertThat(policy.exhausted(2)).isFalse();
        assertThat(policy.exhausted(3)).isTrue();
    }

    @Test
    void shouldRefuseNonsenseSettingsWithTheNameOfTheSetting() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 2.0, 0.0))
                .hasMessageContaining("maxAttempts");
        Properties properties = new Properties();
        properties.setProperty("webhook.retry.initial.backoff", "30 seconds");
        assertThatThrownBy(() -> RetryPolicy.fromProperties(properties, "webhook."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook.retry.*");
    }

    @Test
    void shouldReadSettingsUnderAPrefix() {
        Properties properties = new Properties();
        properties.setProperty("mail.retry.max.attempts", "4");
        properties.setProperty("mail.retry.initial.backoff", "PT5S");
        RetryPolicy policy = RetryPolicy.fromProperties(properties, "mail.");
        assertThat(policy.maxAttempts()).isEqualTo(4);
        assertThat(policy.initialBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.maxBackoff()).isEqualTo(RetryPolicy.defaults().maxBackoff());
    }
}
