/**
 * What an operator sees of a running paperwire process: Prometheus metrics on {@code GET /metrics} (paperwire's own
 * counters and gauges, Kafka Streams and JVM metrics, through Micrometer), liveness on {@code GET /health},
 * readiness on {@code GET /ready} (broker reachable, registry reachable, every Streams app of the process
 * {@code RUNNING}), and the log format ({@code log.format=text|json}).
 *
 * <p>{@link io.paperwire.app.observability.Observability} is what a serving command starts: it owns the
 * {@link io.paperwire.app.observability.PaperwireMetrics} registry and the
 * {@link io.paperwire.app.observability.Readiness} checks, is told about each service the command starts, and serves
 * the three endpoints on notify's HTTP server or, without notify, on a server of its own on {@code http.port}. Only
 * {@code app} depends on Micrometer: the services report through small listener interfaces of their own
 * ({@code IngestListener}, {@code DeliveryAttemptListener}) or through their Kafka clients' metrics.
 * Every metric is documented in {@code docs/observability.md}.
 */
package io.paperwire.app.observability;
