package io.paperwire.schemas.serde;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the Avro serdes and the registry client, read from a Kafka-style config map with Confluent's key names,
 * so a configuration written for Confluent's serializers works unchanged.
 *
 * @param registryUrls {@value #SCHEMA_REGISTRY_URL}: one or more registry base URLs (comma-separated), tried in order
 * @param autoRegisterSchemas {@value #AUTO_REGISTER_SCHEMAS} (default true): the serializer registers the record's
 *     schema; when false it looks the schema up and fails when it is not registered
 * @param useLatestVersion {@value #USE_LATEST_VERSION} (default false; only used when auto-registration is off): write
 *     with the latest version of the subject, which must be able to read the record's schema
 * @param specificAvroReader {@value #SPECIFIC_AVRO_READER} (default false): an untyped deserializer returns the
 *     generated class named like the writer schema instead of a {@code GenericRecord}
 * @param normalizeSchemas {@value #NORMALIZE_SCHEMAS} (default false): ask the registry to normalise on register and
 *     look-up
 * @param basicAuthUserInfo {@value #BASIC_AUTH_USER_INFO}: {@code user:password} for HTTP basic auth; when absent,
 *     user info in the URL ({@code http://user:password@host:8081}) is used
 * @param requestTimeout {@value #REQUEST_TIMEOUT_MS} (default 30000): time allowed for one registry request
 * @param latestCacheTtl {@value #LATEST_CACHE_TTL_SEC} (default -1 = cache forever, as Confluent): how long the latest
 *     version of a subject is cached; empty means forever
 */
public record AvroSerdeConfig(
    List<URI> registryUrls,
    boolean autoRegisterSchemas,
    boolean useLatestVersion,
    boolean specificAvroReader,
    boolean normalizeSchemas,
    Optional<String> basicAuthUserInfo,
    Duration requestTimeout,
    Optional<Duration> latestCacheTtl) {

  /** Comma-separated base URLs of the schema registry. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  /** Whether the serializer registers schemas. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  /** Whether the serializer writes with the subject's latest version (when not auto-registering). */
  public static final String USE_LATEST_VERSION = "use.latest.version";
  /** Whether an untyped deserializer returns generated classes. */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  /** Whether the registry normalises schemas. */
  public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
  /** Basic-auth credentials, {@code user:password}. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  /** Where credentials come from: {@code USER_INFO} or {@code URL}; either way an explicit user info wins. */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  /** Registry request timeout in milliseconds. */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
  /** Seconds to cache the latest version of a subject, -1 for ever. */
  public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

  private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public AvroSerdeConfig {
    registryUrls = List.copyOf(registryUrls);
    Objects.requireNonNull(basicAuthUserInfo, "basicAuthUserInfo");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(latestCacheTtl, "latestCacheTtl");
  }

  /** Defaults for a registry at {@code url}: auto-register, generic reader, no auth. */
  public static AvroSerdeConfig forUrl(String url) {
    return from(Map.of(SCHEMA_REGISTRY_URL, url));
  }

  /**
   * Reads the settings from a Kafka config map; unknown keys are ignored (the same map configures producers).
   *
   * @throws ConfigException naming the key when a value is malformed
   */
  public static AvroSerdeConfig from(Map<String, ?> configs) {
    Objects.requireNonNull(configs, "configs");
    List<URI> urls = urls(configs.get(SCHEMA_REGISTRY_URL));
    Optional<String> userInfo = Optional.ofNullable(configs.get(BASIC_AUTH_USER_INFO))
        .map(Object::toString)
        .filter(s -> !s.isBlank());
    Object source = configs.get(BASIC_AUTH_CREDENTIALS_SOURCE);
    if (source != null) {
      String s = source.toString().trim().toUpperCase(Locale.ROOT);
      if (!s.equals("USER_INFO") && !s.equals("URL")) {
        throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source,
            "supported sources are USER_INFO and URL");
      }
    }
    long timeoutMs = longValue(configs, REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT.toMillis());
    if (timeoutMs <= 0) {
      throw new ConfigException(REQUEST_TIMEOUT_MS, timeoutMs, "must be positive");
    }
    long ttlSec = longValue(configs, LATEST_CACHE_TTL_SEC, -1);
    return new AvroSerdeConfig(
        urls,
        bool(configs, AUTO_REGISTER_SCHEMAS, true),
        bool(configs, USE_LATEST_VERSION, false),
        bool(configs, SPECIFIC_AVRO_READER, false),
        bool(configs, NORMALIZE_SCHEMAS, false),
        userInfo,
        Duration.ofMillis(timeoutMs),
        ttlSec < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(ttlSec)));
  }

  /** The registry URLs, or a {@link ConfigException} saying {@value #SCHEMA_REGISTRY_URL} is missing. */
  public List<URI> requireRegistryUrls() {
    if (registryUrls.isEmpty()) {
      throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
          + "\": the base URL of the schema registry, e.g. http://localhost:8081");
    }
    return registryUrls;
  }

  private static List<URI> urls(Object value) {
    if (value == null) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      c.forEach(v -> parts.add(String.valueOf(v)));
    } else {
      parts.addAll(List.of(value.toString().split(",")));
    }
    List<URI> urls = new ArrayList<>();
    for (String part : parts) {
      String trimmed = part.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(trimmed);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, value, "not a URL: " + trimmed);
      }
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, value, "expected http(s)://host:port, got " + trimmed);
      }
      urls.add(uri);
    }
    return urls;
  }

  private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String s = value.toString().trim();
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw new ConfigException(key, value, "expected true or false");
  }

  private static long longValue(Map<String, ?> configs, String key, long fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, value, "expected a whole number");
    }
  }
}
