package io.paperwire.enrich.topology;

import io.paperwire.enrich.store.SignalHistory;
import io.paperwire.enrich.trending.PaperTrend;
import io.paperwire.enrich.trending.SignalObservation;
import io.paperwire.enrich.trending.TrendingWindow;
import io.paperwire.schemas.EngagementSignal;
import io.paperwire.schemas.TrendingScore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns {@code papers.signals} into the {@code papers.trending} table. Per signal: the observation joins the
 * paper's {@link SignalHistory} in the store, and the paper's score is recomputed at the current wall-clock time
 * and written, keyed by paper key: the value is the {@link TrendingWindow#DAY 24-hour} {@link TrendingScore}; the
 * 7-day score and counts travel in headers ({@value #WEEK_SCORE_HEADER}, {@value #WEEK_COUNTS_HEADER}). Every
 * refresh interval the scores of all active papers are rewritten, so they decay without new signals; a paper with
 * nothing left in the 7-day window gets a tombstone once. A stale observation (older than the last of its series)
 * changes nothing and writes nothing.
 */
final class TrendingProcessor implements Processor<String, EngagementSignal, String, TrendingScore> {

    /** Header with the 7-day score, as a decimal string. */
    static final String WEEK_SCORE_HEADER = "paperwire.trending.P7D.score";
    /** Header with the 7-day counts, {@code upvotes=…,comments=…,stars=…,views=…}. */
    static final String WEEK_COUNTS_HEADER = "paperwire.trending.P7D.counts";

    private final Duration refreshInterval;
    private ProcessorContext<String, TrendingScore> context;
    private KeyValueStore<String, SignalHistory> store;

    TrendingProcessor(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    @Override
    public void init(ProcessorContext<String, TrendingScore> context) {
        this.context = context;
        this.store = context.getStateStore(EnrichTopology.TRENDING_SIGNALS_STORE);
        context.schedule(refreshInterval, PunctuationType.WALL_CLOCK_TIME, this::refresh);
    }

    @Override
    public void process(Record<String, EngagementSignal> record) {
        if (record.value() == null) {
            return;
        }
        SignalObservation observation = SignalObservation.from(record.value());
        String paperKey = observation.paperKey();
        SignalHistory history = store.get(paperKey);
        if (history == null) {
            history = SignalHistory.empty();
        }
        if (history.isStale(observation)) {
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        emit(paperKey, history.with(observation).pruned(now), now, record.timestamp());
    }

    private void refresh(long wallClockMillis) {
        Instant now = Instant.ofEpochMilli(wallClockMillis);
        List<KeyValue<String, SignalHistory>> histories = new ArrayList<>();
        try (KeyValueIterator<String, SignalHistory> all = store.all()) {
            all.forEachRemaining(histories::add);
        }
        for (KeyValue<String, SignalHistory> entry : histories) {
            SignalHistory pruned = entry.value.pruned(now);
            if (pruned.observations().isEmpty()) {
                store.delete(entry.key);
                if (entry.value.published()) {
                    context.forward(new Record<>(entry.key, null, wallClockMillis));
                }
            } else if (entry.value.published()) {
                emit(entry.key, pruned, now, wallClockMillis);
            } else if (!pruned.equals(entry.value)) {
                store.put(entry.key, pruned);
            }
        }
    }

    /** Stores the history and writes the paper's score, or a tombstone once when it has gone quiet. */
    private void emit(String paperKey, SignalHistory history, Instant now, long timestamp) {
        PaperTrend day = history.trend(paperKey, TrendingWindow.DAY, now).orElseThrow();
        PaperTrend week = history.trend(paperKey, TrendingWindow.WEEK, now).orElseThrow();
        boolean active = week.score() > 0;
        store.put(paperKey, history.withPublished(active));
        if (active) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(WEEK_SCORE_HEADER, Double.toString(week.score()).getBytes(StandardCharsets.UTF_8));
            headers.add(WEEK_COUNTS_HEADER, ("upvotes=" + week.upvotes() + ",comments=" + week.comments()
                    + ",stars=" + week.stars() + ",views=" + week.views()).getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(paperKey, day.toAvro(), timestamp, headers));
        } else if (history.published()) {
            context.forward(new Record<>(paperKey, null, timestamp));
        }
    }
}
