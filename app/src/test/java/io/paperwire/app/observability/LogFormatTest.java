package io.paperwire.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.app.config.ConfigException;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The log format switch on a real logback appender writing to a captured standard error. */
class LogFormatTest {

    @Test
    void shouldWriteOneJsonObjectPerLineAfterSwitchingToJsonAndTextAfterSwitchingBack() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            appender.setContext(context);
            appender.setName(LogFormat.APPENDER);
            appender.setTarget("System.err");
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(context);
            text.setPattern(LogFormat.TEXT_PATTERN);
            text.start();
            appender.setEncoder(text);
            appender.start();
            root.addAppender(appender);
            Logger log = LoggerFactory.getLogger("io.paperwire.test.LogFormatProbe");

            LogFormat.of(PaperwireConfig.of(Map.of(Settings.LOG_FORMAT, "json"))).apply();
            log.warn("dead-lettering {} offset {}", "papers.published", 3);
            String jsonLine = captured.toString(StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith("{") && l.contains("LogFormatProbe")).findFirst().orElseThrow();
            JsonNode event = new ObjectMapper().readTree(jsonLine);
            assertThat(event.get("level").asText()).isEqualTo("WARN");
            assertThat(event.get("loggerName").asText()).isEqualTo("io.paperwire.test.LogFormatProbe");
            assertThat(event.get("formattedMessage").asText()).isEqualTo("dead-lettering papers.published offset 3");
            assertThat(event.has("timestamp")).isTrue();

            captured.reset();
            LogFormat.TEXT.apply();
            log.warn("back to text");
            // (the tests' own logback appender writes its text line to standard error as well)
            assertThat(captured.toString(StandardCharsets.UTF_8)).contains("WARN  LogFormatProbe - back to text")
                    .doesNotContain("{");
        } finally {
            root.detachAppender(appender);
            appender.stop();
            System.setErr(stderr);
        }
    }

    @Test
    void shouldRefuseAnUnknownFormatWithTheSettingsName() {
        assertThatThrownBy(() -> LogFormat.of(PaperwireConfig.of(Map.of(Settings.LOG_FORMAT, "xml"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("log.format must be text or json");
    }
}
