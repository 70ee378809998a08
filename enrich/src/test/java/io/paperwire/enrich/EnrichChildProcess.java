package io.paperwire.enrich;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the enrich app in a JVM of its own until the process is killed, so a test can crash it for real
 * ({@code Process.destroyForcibly()}, SIGKILL: no close, no commit, no transaction abort, no checkpoint file).
 * Arguments: bootstrap servers, registry URL, state directory, application id, commit interval (ISO-8601).
 */
public final class EnrichChildProcess {

    private EnrichChildProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EnrichConfig config = EnrichConfig.fromMap(Map.of(
                "bootstrap.servers", args[0],
                "schema.registry.url", args[1],
                "state.dir", args[2],
                "application.id", args[3],
                "commit.interval.ms", Long.toString(Duration.parse(args[4]).toMillis()),
                "replication.factor", "1",
                // a short session so that the restarted instance need not wait 45 s for the killed member to expire
                "consumer.session.timeout.ms", "6000",
                "consumer.heartbeat.interval.ms", "1500"));
        EnrichService service = EnrichService.fromConfig(config);
        service.start();
        System.out.println("enrich child started");
        Thread.currentThread().join();
    }
}
