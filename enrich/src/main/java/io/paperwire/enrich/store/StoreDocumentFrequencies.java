package io.paperwire.enrich.store;

import io.paperwire.enrich.keywords.DocumentFrequencies;
import io.paperwire.enrich.keywords.TermCounts;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * {@link DocumentFrequencies} kept in a Kafka Streams key-value store (normalised term → number of documents, plus
 * the document count under {@link #DOC_COUNT_KEY}), so the counts are changelogged and survive restarts.
 *
 * <p>Each stream task has its own store and counts the papers of its own partitions: the counts are a sample of
 * the corpus, not the whole. Papers are spread over partitions by key hash, independently of their topic, so the
 * ratio {@code df / docCount} of a task estimates the global one, which is all an IDF needs; see
 * {@code docs/enrich.md} for the trade-off against a global count.
 *
 * <p>Reads go through a write-through cache of at most {@link #DEFAULT_CACHED_TERMS} counts (emptied when full):
 * a paper's terms are read when they are counted and again when its keyphrases are scored, and each store read
 * costs a key serialisation, metrics and a cache or RocksDB look-up. Every count is written to the store at once,
 * so the changelog and exactly-once semantics are those of the store; in the topology that store is a
 * {@link CommitBufferedKeyValueStore}, which holds the counts in memory and writes each changed one once per commit,
 * in the commit's transaction. The cache is right only while
 * this object is the store's single writer: make one per task, in the processor's {@code init} (a task that is
 * revived after a failure is initialised again, with a fresh cache). Not thread-safe (one task).
 */
public final class StoreDocumentFrequencies implements DocumentFrequencies {

    /** The key of the document count; a normalised term never starts with a NUL character. */
    public static final String DOC_COUNT_KEY = "\u0000docCount";
    /** Counts held in memory by default, about 100 bytes each. */
    public static final int DEFAULT_CACHED_TERMS = 200_000;

    private final KeyValueStore<String, Long> store;
    private final int maxCachedTerms;
    /** Counts as read or written; a count is never negative, so -1 means "not cached". */
    private final TermCounts cache = new TermCounts();

    public StoreDocumentFrequencies(KeyValueStore<String, Long> store) {
        this(store, DEFAULT_CACHED_TERMS);
    }

    /** @param maxCachedTerms counts held in memory before the cache is emptied; 0 reads the store every time */
    public StoreDocumentFrequencies(KeyValueStore<String, Long> store, int maxCachedTerms) {
        this.store = Objects.requireNonNull(store, "store");
        if (maxCachedTerms < 0) {
            throw new IllegalArgumentException("maxCachedTerms must not be negative, was " + maxCachedTerms);
        }
        this.maxCachedTerms = maxCachedTerms;
    }

    @Override
    public long docCount() {
        return count(DOC_COUNT_KEY);
    }

    @Override
    public long df(String normalizedTerm) {
        return count(normalizedTerm);
    }

    @Override
    public void observe(Set<String> distinctNormalizedTerms) {
        Objects.requireNonNull(distinctNormalizedTerms, "distinctNormalizedTerms");
        increment(DOC_COUNT_KEY);
        for (String term : distinctNormalizedTerms) {
            if (!term.isEmpty() && term.charAt(0) != '\u0000') {
                increment(term);
            }
        }
    }

    private long count(String key) {
        long cached = cache.getOrDefault(key, -1);
        if (cached >= 0) {
            return cached;
        }
        Long stored = store.get(key);
        long count = stored == null ? 0 : stored;
        remember(key, count);
        return count;
    }

    private void increment(String key) {
        long count = count(key) + 1;
        store.put(key, count);
        remember(key, count);
    }

    private void remember(String key, long count) {
        if (maxCachedTerms == 0) {
            return;
        }
        if (cache.size() >= maxCachedTerms && !cache.containsKey(key)) {
            cache.clear();
        }
        cache.put(key, count);
    }
}
