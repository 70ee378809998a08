package io.paperwire.app.observability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One condition of readiness, checked on each {@code GET /ready}: it has a name (shown when it fails) and answers
 * within its own timeout, never throwing.
 */
public interface ReadinessCheck {

    /** What is checked, e.g. {@code broker}, {@code registry}, {@code streams:enrich}. */
    String name();

    /** Checks now. */
    Result check();

    /**
     * The answer of a check.
     *
     * @param ok     whether the condition holds
     * @param detail what was found: the cluster id, the HTTP status, the Streams state, or why it failed
     */
    record Result(boolean ok, String detail) {
        public Result {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The broker answers a describe-cluster request through {@code admin} within {@code timeout}. */
    static ReadinessCheck brokerReachable(Admin admin, Duration timeout) {
        Objects.requireNonNull(admin, "admin");
        return new Named("broker", () -> {
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            try {
                String id = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
                return new Result(true, "cluster " + id + ", " + brokers + " broker(s)");
            } catch (ExecutionException e) {
                return new Result(false, "not reachable: " + e.getCause());
            } catch (TimeoutException e) {
                return new Result(false, "no answer within " + timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(false, "interrupted");
            }
        });
    }

    /** The schema registry at {@code registryUrl} answers {@code GET /subjects} with 200 within {@code timeout}. */
    static ReadinessCheck registryReachable(HttpClient http, URI registryUrl, Duration timeout) {
        URI subjects = URI.create(registryUrl.toString().replaceAll("/$", "") + "/subjects");
        return new Named("registry", () -> {
            HttpRequest request = HttpRequest.newBuilder(subjects).timeout(timeout).GET().build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                return status == 200 ? new Result(true, "GET " + subjects + " answered 200")
                        : new Result(false, "GET " + subjects + " answered " + status);
            } catch (java.io.IOException e) {
                return new Result(false, "not reachable at " + subjects + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(false, "interrupted");
            }
        });
    }

    /** The Kafka Streams app {@code app} of this process is {@code RUNNING}. */
    static ReadinessCheck streamsRunning(String app, Supplier<KafkaStreams.State> state) {
        return new Named("streams:" + app, () -> {
            KafkaStreams.State now = state.get();
            return new Result(now == KafkaStreams.State.RUNNING, now.name());
        });
    }

    /** A check made of a name and a function. */
    record Named(String name, Supplier<Result> how) implements ReadinessCheck {
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(how, "how");
        }

        @Override
        public Result check() {
            try {
                return how.get();
            } catch (RuntimeException e) {
                return new Result(false, "check failed: " + e);
            }
        }
    }
}
