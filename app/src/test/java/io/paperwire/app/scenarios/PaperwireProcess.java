package io.paperwire.app.scenarios;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.paperwire.app.Main;
import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;

/**
 * The {@code paperwire} command line in a JVM of its own, configured as the containers of {@code docker-compose.yml}
 * are: the platform settings as {@code PAPERWIRE_*} variables; the settings that have no variable ({@code enrich.*},
 * {@code notify.*}) in a {@code --config} file. {@link #kill()} ends it with SIGKILL: no close, no commit, no abort of
 * an open transaction, as a crash does.
 */
final class PaperwireProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private PaperwireProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Runs {@code paperwire ARGS --config FILE} with {@code config}; output goes to {@code <dir>/paperwire.log}. */
    static PaperwireProcess start(PaperwireConfig config, Path dir, String... args) throws IOException {
        Files.createDirectories(dir);
        Properties file = new Properties();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("PAPERWIRE_"));
        config.asMap().forEach((name, value) -> {
            if (Settings.names().contains(name)) {
                environment.put(PaperwireConfig.environmentName(name), value);
            } else {
                file.setProperty(name, value);
            }
        });
        Path configFile = dir.resolve("paperwire.properties");
        try (Writer out = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
            file.store(out, "settings without an environment variable");
        }
        command.addAll(List.of("--config", configFile.toString()));
        builder.command(command);
        Path log = dir.resolve("paperwire.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return new PaperwireProcess(builder.start(), log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What the process printed so far, for failure messages. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
