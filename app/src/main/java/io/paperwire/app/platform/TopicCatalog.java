package io.paperwire.app.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.schemas.TopicNames;

/**
 * The topics paperwire owns, with explicit partitions, replication and retention. Published and enriched papers are
 * kept forever (replay is a feature); subscriptions, trending scores, checkpoints and the delivery ledger are
 * compacted. Every value can be overridden per topic with {@code topic.<name>.partitions},
 * {@code topic.<name>.replication.factor} and {@code topic.<name>.config.<kafka-topic-config>}.
 */
public final class TopicCatalog {

    private static final String FOREVER = "-1";
    private static final String NINETY_DAYS = String.valueOf(90L * 24 * 3600 * 1000);

    private TopicCatalog() {
    }

    /** The topic specs for this configuration, in creation order. */
    public static List<TopicSpec> specs(PaperwireConfig config, TopicNames names) {
        int partitions = config.getInt(Settings.TOPIC_PARTITIONS);
        short replication = (short) config.getInt(Settings.TOPIC_REPLICATION_FACTOR);
        Map<String, Map<String, String>> defaults = new LinkedHashMap<>();
        defaults.put(names.published(), deleteAfter(FOREVER));
        defaults.put(names.signals(), deleteAfter(NINETY_DAYS));
        defaults.put(names.enriched(), deleteAfter(FOREVER));
        defaults.put(names.trending(), compacted());
        defaults.put(names.subscriptions(), compacted());
        defaults.put(names.alerts(), deleteAfter(FOREVER));
        defaults.put(names.deliveries(), compacted());
        defaults.put(names.checkpoints(), compacted());
        defaults.put(names.deadLetters(), deleteAfter(NINETY_DAYS));

        List<TopicSpec> specs = new ArrayList<>();
        defaults.forEach((name, configs) -> {
            // A topic read whole by every instance (a global table) has one partition by default.
            int defaultPartitions = name.equals(names.subscriptions()) || name.equals(names.checkpoints()) ? 1 : partitions;
            int p = config.get("topic." + name + ".partitions").map(Integer::parseInt).orElse(defaultPartitions);
            short r = config.get("topic." + name + ".replication.factor").map(Short::parseShort).orElse(replication);
            Map<String, String> merged = new LinkedHashMap<>(configs);
            String prefix = "topic." + name + ".config.";
            config.asMap().forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    merged.put(k.substring(prefix.length()), v);
                }
            });
            if (r > 1) {
                merged.putIfAbsent("min.insync.replicas", String.valueOf(Math.min(2, r)));
            }
            specs.add(new TopicSpec(name, p, r, merged));
        });
        return specs;
    }

    private static Map<String, String> deleteAfter(String retentionMs) {
        return Map.of("cleanup.policy", "delete", "retention.ms", retentionMs);
    }

    private static Map<String, String> compacted() {
        return Map.of("cleanup.policy", "compact");
    }
}
