package io.paperwire.app.observability;

import java.util.Locale;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.paperwire.app.config.ConfigException;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The format of paperwire's log lines on standard error ({@code log.format}, env {@code PAPERWIRE_LOG_FORMAT}):
 * {@link #TEXT}, one readable line per event, or {@link #JSON}, one JSON object per line (logback's
 * {@link JsonEncoder}: timestamp, level, thread, logger, MDC, key-value pairs, the formatted message and, for
 * unexpected errors only, the exception). Applied to the {@value #APPENDER} appender of {@code logback.xml} when a
 * command loads its configuration.
 */
public enum LogFormat {
    TEXT,
    JSON;

    /** The appender of {@code logback.xml} whose encoder the format sets. */
    public static final String APPENDER = "STDERR";
    /** The text pattern; the same as in {@code logback.xml}. */
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    /** The format {@code log.format} names. */
    public static LogFormat of(PaperwireConfig config) {
        String value = config.require(Settings.LOG_FORMAT).trim();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(Settings.LOG_FORMAT + " must be text or json, was '" + value + "'");
        }
    }

    /**
     * Sets the encoder of the {@value #APPENDER} appender of logback's root logger to this format. Does nothing when
     * logging is not logback or has no such appender (tests configure their own).
     */
    public void apply() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
        if (!(appender instanceof ConsoleAppender<ILoggingEvent> console)) {
            return;
        }
        boolean json = console.getEncoder() instanceof JsonEncoder;
        if (json == (this == JSON)) {
            return;
        }
        Encoder<ILoggingEvent> encoder = this == JSON ? jsonEncoder(context) : textEncoder(context);
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }
}
