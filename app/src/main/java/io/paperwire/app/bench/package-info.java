/**
 * {@code paperwire bench}: measures every stage of the pipeline against a baseline on the same broker in the same
 * run (issue 7). {@link io.paperwire.app.bench.BenchRun} drives the phases — ingest and the raw producer/consumer
 * baselines, a pass-through Kafka Streams app (EOS v2) and the real enrich app, the real notify matcher in process
 * and the real notify service, end to end, and the latency publish → alert at a fixed offered rate — through the
 * project's own code paths; {@link io.paperwire.app.bench.BenchReport} holds every figure, renders the table and the
 * JSON and checks the goals of issue 7. See {@code docs/benchmarks.md}.
 */
package io.paperwire.app.bench;
