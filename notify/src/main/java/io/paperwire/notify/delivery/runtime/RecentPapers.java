package io.paperwire.notify.delivery.runtime;

import io.paperwire.schemas.EnrichedPaper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest enriched version of the most recently seen papers, by paper key, at most {@code capacity} of them
 * (least recently written evicted first). Input: records of {@code papers.enriched}; output: the paper an alert is
 * about. Thread-safe.
 */
public final class RecentPapers {

    private final int capacity;
    private final LinkedHashMap<String, EnrichedPaper> papers;

    public RecentPapers(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.papers = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, EnrichedPaper> eldest) {
                return size() > RecentPapers.this.capacity;
            }
        };
    }

    /** Keeps {@code paper} as the latest of {@code key}; a null paper (tombstone) forgets the key. */
    public synchronized void put(String key, EnrichedPaper paper) {
        papers.remove(key);
        if (paper != null) {
            papers.put(key, paper);
        }
    }

    public synchronized Optional<EnrichedPaper> get(String key) {
        return Optional.ofNullable(papers.get(key));
    }

    public synchronized int size() {
        return papers.size();
    }
}
