package io.paperwire.enrich.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * The outermost layer of a key-value store that keeps the task's writes in memory, last value per key, and hands
 * them to the layers below (metered, optionally caching, changelogging, RocksDB) once per commit, as one
 * {@code putAll}. A key written a hundred times between two commits costs one serialisation, one RocksDB write and
 * one changelog record instead of a hundred trips through the layers. Reads ({@link #get}) see the buffered values.
 *
 * <p><b>Why the buffered values commit with the output (exactly-once).</b> In Kafka Streams 4.3.1 a task's commit
 * is {@code StreamTask.prepareCommit} → {@code StreamTask.flush} → {@code ProcessorStateManager.flushCache()},
 * which calls {@code CachedStateStore.flushCache()} on the outermost store of every registered store (this layer:
 * the store Streams builds is initialised with itself as root and registered as such), and only then
 * {@code RecordCollector.flush()} and the producer's {@code commitTransaction} with the input offsets. This layer
 * hooks exactly there: {@link #flushCache()} first writes the buffer into the wrapped store (whose caching layer,
 * if any, is flushed next by the same call into the changelog), so the buffered writes go into the changelog in
 * the same transaction as the output records and offsets they belong to. {@code flushCache} is part of Kafka
 * Streams' internal {@code CachedStateStore} contract ({@link WrappedStateStore} implements it); if a later
 * version stopped calling it before the transaction commits, {@code EnrichExactlyOnceTest} and
 * {@code CommitBufferedKeyValueStoreTest} would fail. {@link #commit(Map)} (the store commit after the
 * transaction) writes whatever is left as well, for callers that commit without flushing caches. {@link
 * #clearCache()} (a task closed dirty, its uncommitted work thrown away) and {@link #close()} drop the buffer.
 *
 * <p>Only point reads and writes: range scans and {@link #approximateNumEntries()} would miss buffered keys, so
 * they throw {@link UnsupportedOperationException}. Interactive queries through {@link #get} may see buffered
 * (uncommitted) values, as they may see Kafka Streams' own record cache; the buffer is a concurrent map so such a
 * read from another thread is safe. Otherwise the layer belongs to its task's stream thread.
 */
public final class CommitBufferedKeyValueStore<K, V>
        extends WrappedStateStore<KeyValueStore<K, V>, K, V> implements KeyValueStore<K, V> {

    /** Stands for a buffered delete in {@link #pending} (a concurrent map holds no nulls). */
    private static final Object DELETED = new Object();

    private final Map<K, Object> pending = new ConcurrentHashMap<>();

    public CommitBufferedKeyValueStore(KeyValueStore<K, V> wrapped) {
        super(wrapped);
    }

    /** Keys written since the last commit (for tests and metrics). */
    public int bufferedKeys() {
        return pending.size();
    }

    @Override
    public V get(K key) {
        Object buffered = pending.get(key);
        if (buffered != null) {
            return valueOf(buffered);
        }
        return wrapped().get(key);
    }

    @Override
    public void put(K key, V value) {
        pending.put(key, value == null ? DELETED : value);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        for (KeyValue<K, V> entry : entries) {
            put(entry.key, entry.value);
        }
    }

    @Override
    public V delete(K key) {
        V current = get(key);
        pending.put(key, DELETED);
        return current;
    }

    /** Writes the buffer into the wrapped store, then flushes the wrapped layers' caches (the commit hook). */
    @Override
    public void flushCache() {
        writePending();
        super.flushCache();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writePending();
        super.commit(changelogOffsets);
    }

    /** The task's uncommitted work is being thrown away: so is the buffer. */
    @Override
    public void clearCache() {
        pending.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        pending.clear();
        super.close();
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        throw unsupported("range");
    }

    @Override
    public KeyValueIterator<K, V> all() {
        throw unsupported("all");
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        throw unsupported("reverseRange");
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        throw unsupported("reverseAll");
    }

    @Override
    public <PS extends org.apache.kafka.common.serialization.Serializer<P>, P> KeyValueIterator<K, V> prefixScan(
            P prefix, PS prefixKeySerializer) {
        throw unsupported("prefixScan");
    }

    @Override
    public long approximateNumEntries() {
        throw unsupported("approximateNumEntries");
    }

    private void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        List<KeyValue<K, V>> writes = new ArrayList<>(pending.size());
        for (Map.Entry<K, Object> entry : pending.entrySet()) {
            writes.add(KeyValue.pair(entry.getKey(), valueOf(entry.getValue())));
        }
        // putAll passes a null value on as a delete, layer by layer (and as one RocksDB write batch)
        wrapped().putAll(writes);
        pending.clear();
    }

    @SuppressWarnings("unchecked")
    private V valueOf(Object buffered) {
        return buffered == DELETED ? null : (V) buffered;
    }

    private UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException(operation + " is not supported by store " + name()
                + ": it buffers writes until the commit, and a scan would miss them; use get");
    }
}
