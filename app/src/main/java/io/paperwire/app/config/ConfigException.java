package io.paperwire.app.config;

/** A setting is missing or has a value paperwire cannot use; the message names the setting. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
