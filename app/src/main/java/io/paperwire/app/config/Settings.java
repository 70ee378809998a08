package io.paperwire.app.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names and defaults of paperwire's settings. {@code docs/configuration.md} documents each; a test checks that
 * every name here is documented there.
 */
public final class Settings {

    /** Kafka bootstrap servers of an existing cluster; empty means: run the embedded broker. */
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    /** URL of an existing schema registry; empty means: run the embedded registry. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** Where the embedded broker, registry and services keep their state. */
    public static final String DATA_DIR = "data.dir";
    /** Host the embedded servers bind to. */
    public static final String HOST = "host";
    /** Port of the embedded Kafka broker. */
    public static final String KAFKA_PORT = "kafka.port";
    /** Port of the embedded broker's KRaft controller. */
    public static final String KAFKA_CONTROLLER_PORT = "kafka.controller.port";
    /** Port of the embedded schema registry. */
    public static final String REGISTRY_PORT = "registry.port";
    /** Whether serializers register new schemas themselves. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    /** Default partitions of paperwire's topics (per-topic: topic.NAME.partitions). */
    public static final String TOPIC_PARTITIONS = "topic.default.partitions";
    /** Default replication factor of paperwire's topics (per-topic: topic.NAME.replication.factor). */
    public static final String TOPIC_REPLICATION_FACTOR = "topic.default.replication.factor";
    /** Whether to create missing topics at start-up. */
    public static final String TOPIC_CREATE = "topic.create";

    /** arXiv archives whose announcement feed {@code paperwire up} harvests daily, e.g. cs.LG+stat.ML; empty: off. */
    public static final String INGEST_FEED_ARCHIVES = "ingest.feed.archives";
    /** Whether {@code paperwire up} harvests Hugging Face daily papers every hour. */
    public static final String INGEST_HF_DAILY_ENABLED = "ingest.hf-daily.enabled";
    /** A directory whose paper files (any format {@code ingest file} reads) are harvested every minute; empty: off. */
    public static final String INGEST_WATCH_DIR = "ingest.watch.dir";
    /** Contact (email or URL) named in the User-Agent of harvest requests, as arXiv asks. */
    public static final String INGEST_CONTACT = "ingest.contact";

    /** Whether {@code paperwire up} and {@code demo} run the enrich app in-process. */
    public static final String ENRICH_ENABLED = "enrich.enabled";

    /** Port of paperwire's HTTP server (subscriptions API, feeds, /metrics, /health, /ready). */
    public static final String HTTP_PORT = "http.port";
    /** Whether {@code paperwire up} and {@code demo} run the notify service in-process. */
    public static final String NOTIFY_ENABLED = "notify.enabled";

    /** Format of the log lines on standard error: text or json. */
    public static final String LOG_FORMAT = "log.format";

    private Settings() {
    }

    static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(BOOTSTRAP_SERVERS, "");
        d.put(SCHEMA_REGISTRY_URL, "");
        d.put(DATA_DIR, "./data");
        d.put(HOST, "localhost");
        d.put(KAFKA_PORT, "9092");
        d.put(KAFKA_CONTROLLER_PORT, "9093");
        d.put(REGISTRY_PORT, "8081");
        d.put(AUTO_REGISTER_SCHEMAS, "true");
        d.put(TOPIC_PARTITIONS, "3");
        d.put(TOPIC_REPLICATION_FACTOR, "1");
        d.put(TOPIC_CREATE, "true");
        d.put(INGEST_FEED_ARCHIVES, "");
        d.put(INGEST_HF_DAILY_ENABLED, "false");
        d.put(INGEST_WATCH_DIR, "");
        d.put(INGEST_CONTACT, "");
        d.put(ENRICH_ENABLED, "true");
        d.put(NOTIFY_ENABLED, "true");
        d.put(HTTP_PORT, "8080");
        d.put(LOG_FORMAT, "text");
        return d;
    }

    /** Every fixed setting name (per-topic settings {@code topic.NAME.*} come on top). */
    public static Set<String> names() {
        return defaults().keySet();
    }
}
