package io.paperwire.enrich.store;

import io.paperwire.enrich.keywords.DocumentFrequencies;
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
 * {@code docs/enrich.md} for the trade-off against a global count. Not thread-safe (one task).
 */
public final class StoreDocumentFrequencies implements DocumentFrequencies {

    /** The key of the document count; a normalised term never starts with a NUL character. */
    public static final String DOC_COUNT_KEY = "\u0000docCount";

    private final KeyValueStore<String, Long> store;

    public StoreDocumentFrequencies(KeyValueStore<String, Long> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public long docCount() {
        Long count = store.get(DOC_COUNT_KEY);
        return count == null ? 0 : count;
    }

    @Override
    public long df(String normalizedTerm) {
        Long count = store.get(normalizedTerm);
        return count == null ? 0 : count;
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

    private void increment(String key) {
        Long count = store.get(key);
        store.put(key, count == null ? 1L : count + 1);
    }
}
