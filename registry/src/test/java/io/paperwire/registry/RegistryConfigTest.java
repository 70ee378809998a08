package io.paperwire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RegistryConfigTest {

    @Test
    void shouldDefaultToTheProductSettings() {
        RegistryConfig config = RegistryConfig.defaults("localhost:9092");

        assertThat(config.host()).isEqualTo("localhost");
        assertThat(config.port()).isEqualTo(8081);
        assertThat(config.topic()).isEqualTo("_schemas");
        assertThat(config.defaultCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(config.initTimeout()).isPositive();
        assertThat(config.withPort(0).port()).isZero();
    }

    @Test
    void shouldRefuseNonsense() {
        RegistryConfig config = RegistryConfig.defaults("localhost:9092");

        assertThatThrownBy(() -> config.withPort(70000)).hasMessageContaining("port");
        assertThatThrownBy(() -> config.withTopic(" ")).hasMessageContaining("topic");
        assertThatThrownBy(() -> config.withInitTimeout(Duration.ZERO)).hasMessageContaining("initTimeout");
    }
}
