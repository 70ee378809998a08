package io.paperwire.app.services;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.paperwire.app.config.ConfigException;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.platform.Platform;
import io.paperwire.notify.NotifyConfig;
import io.paperwire.notify.NotifyService;
import io.paperwire.schemas.PaperwireTopics;

/**
 * Builds and starts the notify service (subscriptions REST API, stored-query matching, alerts) on a platform. Its
 * settings are the {@code notify.*} settings of paperwire's configuration with the prefix removed (e.g.
 * {@code notify.paperwire.notify.http.port}); broker, registry and state directory ({@code <data.dir>/notify}) come
 * from the platform. Without a configured API token a random one is made for this run (the caller prints it).
 */
public final class NotifyRunner {

    private NotifyRunner() {
    }

    /** The notify configuration for this platform. */
    public static NotifyConfig config(Platform platform) {
        PaperwireConfig config = platform.config();
        Map<String, String> settings = new LinkedHashMap<>();
        config.asMap().forEach((k, v) -> {
            if (k.startsWith("notify.") && !k.equals(Settings.NOTIFY_ENABLED)) {
                settings.put(k.substring("notify.".length()), v);
            }
        });
        settings.putIfAbsent("state.dir", Path.of(config.require(Settings.DATA_DIR)).resolve("notify").toString());
        settings.putIfAbsent(NotifyConfig.HTTP_PORT, config.require(Settings.HTTP_PORT));
        settings.putIfAbsent(NotifyConfig.HTTP_HOST, config.require(Settings.HOST));
        if (settings.getOrDefault(NotifyConfig.API_TOKEN, "").isBlank()) {
            byte[] token = new byte[24];
            new SecureRandom().nextBytes(token);
            settings.put(NotifyConfig.API_TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
        }
        try {
            return NotifyConfig.fromMap(settings).withServers(platform.bootstrapServers(), platform.schemaRegistryUrl());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("notify: " + e.getMessage());
        }
    }

    /** Starts notify; the caller closes it. */
    public static NotifyService start(Platform platform, NotifyConfig config) {
        try {
            return NotifyService.start(config, PaperwireTopics.fromConfig(platform.topicNames(), config.serdeConfig()),
                    Clock.systemUTC(), Duration.ofSeconds(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting notify", e);
        }
    }
}
