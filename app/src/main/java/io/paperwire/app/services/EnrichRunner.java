package io.paperwire.app.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.enrich.EnrichConfig;
import io.paperwire.enrich.EnrichService;
import io.paperwire.schemas.PaperwireTopics;

/**
 * Builds and starts the enrich Kafka Streams app on a platform. Its settings are the {@code enrich.*} settings of
 * paperwire's configuration with the prefix removed (e.g. {@code enrich.num.stream.threads},
 * {@code enrich.paperwire.enrich.version.suffix}); the broker, registry and state directory
 * ({@code <data.dir>/enrich}) come from the platform unless set.
 */
public final class EnrichRunner {

    private EnrichRunner() {
    }

    /** The enrich configuration for this platform. */
    public static EnrichConfig config(Platform platform) {
        PaperwireConfig config = platform.config();
        Map<String, String> settings = new LinkedHashMap<>();
        config.asMap().forEach((k, v) -> {
            if (k.startsWith("enrich.") && !k.equals(Settings.ENRICH_ENABLED)) {
                settings.put(k.substring("enrich.".length()), v);
            }
        });
        settings.putIfAbsent("state.dir", Path.of(config.require(Settings.DATA_DIR)).resolve("enrich").toString());
        try {
            return EnrichConfig.fromMap(settings).withServers(platform.bootstrapServers(), platform.schemaRegistryUrl());
        } catch (IllegalArgumentException e) {
            throw new io.paperwire.app.config.ConfigException("enrich: " + e.getMessage());
        }
    }

    /** Starts enrich; the caller closes it. */
    public static EnrichService start(Platform platform) {
        EnrichConfig config = config(platform);
        EnrichService service = new EnrichService(config,
                PaperwireTopics.fromConfig(platform.topicNames(), config.serdeConfig()));
        service.start();
        return service;
    }

    /** How long a clean stop may take. */
    public static Duration closeTimeout() {
        return EnrichService.DEFAULT_CLOSE_TIMEOUT;
    }
}
