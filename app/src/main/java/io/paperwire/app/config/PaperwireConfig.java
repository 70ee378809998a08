package io.paperwire.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * paperwire's configuration, in layers: built-in defaults, then a properties file ({@code --config FILE}), then
 * environment variables ({@code PAPERWIRE_} + the name upper-cased with dots and dashes as underscores, e.g.
 * {@code PAPERWIRE_BOOTSTRAP_SERVERS}), then command-line flags. Each later layer wins. Every setting has one name,
 * documented once in {@code docs/configuration.md}; {@link Settings} lists them with their defaults.
 */
public final class PaperwireConfig {

    private final Map<String, String> values;

    private PaperwireConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Builds the configuration from the layers. {@code file} and {@code flags} may be empty. */
    public static PaperwireConfig load(Optional<Path> file, Map<String, String> environment, Map<String, String> flags) {
        Map<String, String> merged = new TreeMap<>(Settings.defaults());
        file.ifPresent(path -> merged.putAll(readProperties(path)));
        merged.putAll(fromEnvironment(environment));
        flags.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return new PaperwireConfig(merged);
    }

    /** Defaults only, plus the given overrides (for tests and embedded use). */
    public static PaperwireConfig of(Map<String, String> overrides) {
        return load(Optional.empty(), Map.of(), overrides);
    }

    /** The value of a setting, or empty when it has no value (not even a default). */
    public Optional<String> get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** The value of a setting that must have one. */
    public String require(String name) {
        return get(name).orElseThrow(() -> new ConfigException(name + " is not set"));
    }

    public int getInt(String name) {
        String v = require(name);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got '" + v + "'");
        }
    }

    public long getLong(String name) {
        String v = require(name);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got '" + v + "'");
        }
    }

    public boolean getBoolean(String name) {
        String v = require(name).trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(name + " must be true or false, got '" + v + "'");
        };
    }

    /** A copy with one setting changed. */
    public PaperwireConfig with(String name, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(name, value);
        return new PaperwireConfig(copy);
    }

    /** Every setting with a value, sorted by name. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The environment variable that sets {@code name}. */
    public static String environmentName(String name) {
        return "PAPERWIRE_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static final List<String> DELIVERY_ENVIRONMENT_PREFIXES = List.of("PAPERWIRE_MAIL_", "PAPERWIRE_WEBHOOK_",
            "PAPERWIRE_DIGEST_", "PAPERWIRE_DELIVERY_");

    private static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> result = new TreeMap<>();
        for (String name : Settings.names()) {
            String v = environment.get(environmentName(name));
            if (v != null) {
                result.put(name, v);
            }
        }
        // Delivery settings are read by prefix (mail.*, webhook.*, digest.*, delivery.*; see DeliveryRunner) and have
        // no dash or underscore in their names, so PAPERWIRE_MAIL_SMTP_HOST -> mail.smtp.host; public.base.url likewise.
        environment.forEach((k, v) -> {
            if (DELIVERY_ENVIRONMENT_PREFIXES.stream().anyMatch(k::startsWith) || k.equals("PAPERWIRE_PUBLIC_BASE_URL")) {
                result.put(k.substring("PAPERWIRE_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), v);
            }
        });
        // Topic overrides are open-ended (topic.<name>.<setting>): accept them too.
        environment.forEach((k, v) -> {
            if (k.startsWith("PAPERWIRE_TOPIC__")) {
                // PAPERWIRE_TOPIC__papers.published__partitions=6 -> topic.papers.published.partitions
                String[] parts = k.substring("PAPERWIRE_TOPIC__".length()).split("__");
                if (parts.length == 2) {
                    result.put("topic." + parts[0] + "." + parts[1].toLowerCase(Locale.ROOT).replace('_', '.'), v);
                }
            }
        });
        return result;
    }

    private static Map<String, String> readProperties(Path path) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + path + ": " + e.getMessage());
        }
        Map<String, String> result = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> result.put(k, p.getProperty(k)));
        return result;
    }
}
