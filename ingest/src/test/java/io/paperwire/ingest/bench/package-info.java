/**
 * By-hand measurements of ingest, not tests: {@link io.paperwire.ingest.bench.IngestCostHarness} splits the CPU of
 * the file → parse → dedup → publish path by component and compares it with a raw producer (docs/ingest.md, "Where
 * the time goes").
 */
package io.paperwire.ingest.bench;
