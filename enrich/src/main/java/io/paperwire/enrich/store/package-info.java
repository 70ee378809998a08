/**
 * The enrich app's state, kept in Kafka Streams state stores (RocksDB, changelogged, restored on restart):
 * {@link io.paperwire.enrich.store.StoreDocumentFrequencies} (term → document count, per task, written through a
 * {@link io.paperwire.enrich.store.CommitBufferedKeyValueStore} that passes each changed count on once per commit),
 * {@link io.paperwire.enrich.store.ClassifierSnapshots} (the subject classifier, chunked) and
 * {@link io.paperwire.enrich.store.SignalHistory} (the observations a paper's trending score depends on). The
 * store names and their design are in {@code docs/enrich.md}.
 */
package io.paperwire.enrich.store;
