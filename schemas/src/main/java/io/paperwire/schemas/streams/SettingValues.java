package io.paperwire.schemas.streams;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Reads typed values from the string settings of paperwire's Kafka Streams apps (enrich, notify), with an error that
 * names the setting and the value when it is malformed.
 */
public final class SettingValues {

    private SettingValues() {
    }

    /** The whole number under {@code key}, or {@code fallback} when the setting is absent. */
    public static int integer(Map<String, String> settings, String key, int fallback) {
        String value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'", e);
        }
    }

    /** The ISO-8601 duration under {@code key}, or {@code fallback} when the setting is absent. */
    public static Duration duration(Map<String, String> settings, String key, Duration fallback) {
        String value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as PT10S or PT1H, was '"
                    + value + "'", e);
        }
    }
}
