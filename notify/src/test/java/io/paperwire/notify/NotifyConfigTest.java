package io.paperwire.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class NotifyConfigTest {

    @Test
    void shouldHaveDefaults() {
        NotifyConfig config = NotifyConfig.defaults();
        assertThat(config.applicationId()).isEqualTo("paperwire-notify");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.apiToken()).isEmpty();
        assertThat(config.streamsProperties(Map.of()).get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldReadSettingsByNameAndPassOthersToStreams() {
        NotifyConfig config = NotifyConfig.fromMap(Map.of(
                "application.id", "notify-2", "bootstrap.servers", "k:9092", "schema.registry.url", "http://r:8081",
                "state.dir", "/var/notify", "paperwire.notify.http.port", "9090", "paperwire.notify.api.token", "t",
                "paperwire.notify.public.base.url", "https://paperwire.example.org",
                "paperwire.notify.subscription.write.timeout", "PT3S", "replication.factor", "3"));
        assertThat(config.applicationId()).isEqualTo("notify-2");
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/notify"));
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.apiToken()).isEqualTo("t");
        assertThat(config.publicBaseUrl()).isEqualTo("https://paperwire.example.org");
        assertThat(config.subscriptionWriteTimeout()).isEqualTo(Duration.ofSeconds(3));
        Properties props = config.streamsProperties(Map.of());
        assertThat(props.get("replication.factor")).isEqualTo("3");
        assertThat(props.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("k:9092");
    }

    @Test
    void shouldNameAMalformedOrUnknownSetting() {
        assertThatThrownBy(() -> NotifyConfig.fromMap(Map.of("paperwire.notify.http.port", "eighty")))
                .hasMessageContaining("paperwire.notify.http.port");
        assertThatThrownBy(() -> NotifyConfig.fromMap(Map.of("paperwire.notify.api.tokn", "x")))
                .hasMessageContaining("unknown setting paperwire.notify.api.tokn");
    }
}
