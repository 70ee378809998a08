package io.paperwire.ingest;

import io.paperwire.ingest.dedup.IdentityRule;
import io.paperwire.ingest.http.HttpSettings;
import io.paperwire.ingest.parse.ParserSettings;
import io.paperwire.ingest.publish.IngestProducerConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a run of ingest is configured with (names and defaults in docs/ingest.md).
 *
 * @param bootstrapServers Kafka bootstrap servers ({@code paperwire.kafka.bootstrap})
 * @param transactionalId the producer's {@code transactional.id} (default {@code paperwire-ingest})
 * @param producerOverrides producer settings that win over the defaults of {@link IngestProducerConfig#producer}
 * @param http politeness, contact and retries of the HTTP client
 * @param parser parser limits (abstract size, raw bytes kept)
 * @param runner retries, progress interval, dead-letter size
 * @param mirrorSources sources whose sightings of a known version are never metadata updates (default hf-daily)
 * @param replayTimeout how long rebuilding the ledger and checkpoints at start may take (default 5 min)
 */
public record IngestOptions(String bootstrapServers, String transactionalId, Map<String, Object> producerOverrides,
        HttpSettings http, ParserSettings parser, IngestRunner.Settings runner, Set<String> mirrorSources,
        Duration replayTimeout) {

    public IngestOptions {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(transactionalId, "transactionalId");
        producerOverrides = Map.copyOf(producerOverrides);
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(runner, "runner");
        mirrorSources = Set.copyOf(mirrorSources);
        Objects.requireNonNull(replayTimeout, "replayTimeout");
    }

    public static IngestOptions defaults(String bootstrapServers) {
        return new IngestOptions(bootstrapServers, IngestProducerConfig.DEFAULT_TRANSACTIONAL_ID, Map.of(),
                HttpSettings.defaults(), ParserSettings.defaults(), IngestRunner.Settings.defaults(),
                IdentityRule.DEFAULT_MIRROR_SOURCES, Duration.ofMinutes(5));
    }

    public IngestOptions withTransactionalId(String id) {
        return new IngestOptions(bootstrapServers, id, producerOverrides, http, parser, runner, mirrorSources,
                replayTimeout);
    }

    public IngestOptions withHttp(HttpSettings newHttp) {
        return new IngestOptions(bootstrapServers, transactionalId, producerOverrides, newHttp, parser, runner,
                mirrorSources, replayTimeout);
    }

    public IngestOptions withRunner(IngestRunner.Settings newRunner) {
        return new IngestOptions(bootstrapServers, transactionalId, producerOverrides, http, parser, newRunner,
                mirrorSources, replayTimeout);
    }

    public IngestOptions withProducerOverrides(Map<String, Object> overrides) {
        return new IngestOptions(bootstrapServers, transactionalId, overrides, http, parser, runner, mirrorSources,
                replayTimeout);
    }

    public IdentityRule identityRule() {
        return new IdentityRule(mirrorSources);
    }
}
