package io.paperwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void shouldDefaultToOneExactlyOnceAppNamedPaperwireEnrich() {
        Properties props = EnrichConfig.defaults().streamsProperties(Map.of());

        assertThat(props.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("paperwire-enrich");
        assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(props.get(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG)).isEqualTo(0);
    }

    @Test
    void shouldReadEverySettingByItsNameAndPassOthersToKafkaStreams() {
        EnrichConfig config = EnrichConfig.fromMap(Map.of(
                "application.id", "enrich-b", "bootstrap.servers", "kafka:9092",
                "schema.registry.url", "http://registry:8081", "state.dir", "/var/lib/enrich",
                "num.stream.threads", "2", "num.standby.replicas", "1",
                "paperwire.enrich.version.suffix", "run-7", "paperwire.enrich.topic.taxonomy", "/etc/topics.yaml",
                "paperwire.enrich.trending.refresh.interval", "PT15M", "replication.factor", "3"));

        assertThat(config.applicationId()).isEqualTo("enrich-b");
        assertThat(config.stateDir()).isEqualTo(Path.of("/var/lib/enrich"));
        assertThat(config.streamThreads()).isEqualTo(2);
        assertThat(config.standbyReplicas()).isEqualTo(1);
        assertThat(config.enricherVersionSuffix()).isEqualTo("run-7");
        assertThat(config.topicTaxonomy()).contains(Path.of("/etc/topics.yaml"));
        assertThat(config.trendingRefreshInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(EnrichConfig.fromMap(Map.of("paperwire.enrich.classifier.prior.weight", "0.25"))
                .classifierPriorWeight()).isEqualTo(0.25);
        assertThat(EnrichConfig.defaults().classifierPriorWeight())
                .isEqualTo(io.paperwire.enrich.tags.SubjectClassifier.DEFAULT_PRIOR_WEIGHT);
        assertThat(config.streamsProperties(Map.of()).get("replication.factor")).isEqualTo("3");
        assertThat(config.serdeConfig()).containsEntry("schema.registry.url", "http://registry:8081");
    }

    @Test
    void shouldNameTheSettingThatIsWrong() {
        assertThatThrownBy(() -> EnrichConfig.fromMap(Map.of("paperwire.enrich.refresh", "PT1H")))
                .hasMessageContaining("unknown setting paperwire.enrich.refresh");
        assertThatThrownBy(() -> EnrichConfig.fromMap(Map.of("paperwire.enrich.trending.refresh.interval", "1h")))
                .hasMessageContaining("paperwire.enrich.trending.refresh.interval must be an ISO-8601 duration");
        assertThatThrownBy(() -> EnrichConfig.fromMap(Map.of("paperwire.enrich.classifier.prior.weight", "-1")))
                .hasMessageContaining("paperwire.enrich.classifier.prior.weight must be a finite number >= 0");
        assertThatThrownBy(() -> EnrichConfig.fromMap(Map.of("paperwire.enrich.classifier.prior.weight", "x")))
                .hasMessageContaining("paperwire.enrich.classifier.prior.weight must be a number, was 'x'");
        assertThatThrownBy(() -> EnrichConfig.fromMap(Map.of("num.stream.threads", "0")))
                .hasMessageContaining("num.stream.threads must be positive");
    }
}
