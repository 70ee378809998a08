package io.paperwire.notify.matching;

import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.MatchReasonKind;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MonitorQuerySerializer;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;

/**
 * Matches enriched papers against every active subscription with Lucene Monitor, and says why each matched.
 *
 * <p>In: subscriptions as they are created, changed, paused and deleted ({@link #upsert}, {@link #upsertAll},
 * {@link #remove}); enriched papers ({@link #match(EnrichedPaper)}, {@link #match(List)}). Out: per paper, the
 * {@link SubscriptionMatch}es with their {@link Reason}s.
 *
 * <p>How: subscriptions with the same normalised query share one Monitor query (a {@code QueryGroup}) and are fanned
 * out after Monitor matched; Monitor runs only the cheap {@link QueryMatch} matcher, over a batch of papers at a
 * time; reasons are computed by {@link MatchExplainer} once per matched query and paper; the trending and
 * similarity conditions are checked per subscription at fan-out; pure similarity subscriptions are checked against
 * {@link SeedIndex} without Monitor. Every matched paper is then observed by the seed index. Updates take a write
 * lock, matching a read lock: several threads may match at once. See {@code docs/matching.md}.
 */
public final class PaperMatcher implements Closeable {

    /** Which Monitor presearcher filters the candidate queries. */
    public enum PresearcherKind {
        /** One term per conjunction indexed (the rarest-looking); simple and small. */
        TERM_FILTERED,
        /** Two passes: a conjunction is a candidate only when two of its terms are in the paper. */
        MULTIPASS
    }

    /** How Monitor's candidate queries are checked against the papers. */
    public enum Verification {
        /** Looked up in the analysed papers ({@link DirectQueryEvaluator}); Lucene only for what it cannot decide. */
        DIRECT,
        /** Run through a Lucene searcher, as Monitor does by default ({@link QueryMatch#SIMPLE_MATCHER}). */
        LUCENE
    }

    private final PaperAnalyzer analyzer = new PaperAnalyzer();
    private final Verification verification;
    /** Whether Monitor gets the paper's small presearch document ({@link PaperDocument#toPresearchDocument()}). */
    private final boolean foldedPresearch;
    private final LongAdder luceneFallbacks = new LongAdder();
    private final Monitor monitor;
    private final boolean deduplicate;
    private final int batchSize;
    private final SeedIndex seedIndex;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /**
     * Subscription changes not yet in Monitor (guarded by the write lock). Changes are cheap in-memory edits; Monitor
     * gets them in one update before the next match, so a start-up that replays the subscriptions topic one record at
     * a time costs one Monitor update, not one per subscription.
     */
    private Update pending = new Update();
    private final Map<String, SubscriptionSpec> subscriptions = new HashMap<>();
    private final Map<String, QueryGroup> groupsByKey = new HashMap<>();
    private final Map<String, QueryGroup> groupsByMonitorId = new HashMap<>();
    private final Map<String, QueryGroup> groupBySubscription = new HashMap<>();
    private final Map<String, SubscriptionSpec> similarityOnly = new LinkedHashMap<>();
    /** {@link #similarityOnly} flattened for the matching loop; null after a change (made again by a reader). */
    private volatile SimilarityPlan similarityPlan;
    private long nextGroupNumber;
    private final LongAdder papers = new LongAdder();
    private final LongAdder candidateQueries = new LongAdder();
    private final LongAdder queryMatches = new LongAdder();
    private final LongAdder matches = new LongAdder();
    private final LongAdder analysisNanos = new LongAdder();
    private final LongAdder monitorNanos = new LongAdder();
    private final LongAdder fanOutNanos = new LongAdder();

    private PaperMatcher(Builder builder) {
        this.deduplicate = builder.deduplicate;
        this.verification = builder.verification;
        this.batchSize = builder.batchSize;
        this.seedIndex = new SeedIndex(builder.recentPapers);
        // Folded presearch fields need every candidate decided on the analysed paper, not on Monitor's document.
        this.foldedPresearch = builder.presearcher == PresearcherKind.MULTIPASS
                && builder.verification == Verification.DIRECT;
        try {
            this.monitor = new Monitor(analyzer, presearcher(builder.presearcher, foldedPresearch),
                    monitorConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Lucene monitor", e);
        }
    }

    /** A matcher with the default settings: deduplication on, two-pass presearcher, direct verification, one paper at a time through Monitor. */
    public static PaperMatcher create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Monitor's query index in memory, each file one contiguous buffer: the presearcher opens a terms enum and
     * postings per field and term for every paper, and each opening clones the file's input, which for the default
     * many-block buffers copies a list of buffers. The serializer is what Monitor requires of a directory given to
     * it; it keeps the subscriber's query text, which {@link SubscriptionQuery#parse} turns back into the query.
     * Updates are committed in one go, so a bulk load gives one segment to search, not one per 5,000 queries.
     */
    static MonitorConfiguration monitorConfiguration() {
        return new MonitorConfiguration()
                .setDirectoryProvider(() -> new ByteBuffersDirectory(new SingleInstanceLockFactory(),
                        ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER),
                        MonitorQuerySerializer.fromParser(text -> SubscriptionQuery.parse(text).query()))
                .setQueryUpdateBufferSize(Integer.MAX_VALUE);
    }

    static Presearcher presearcher(PresearcherKind kind) {
        return presearcher(kind, false);
    }

    /**
     * The presearcher; with {@code folded} (only for {@link PresearcherKind#MULTIPASS}), query terms are indexed
     * under their {@link PaperField#presearchField()}, to be looked for in {@link PaperDocument#toPresearchDocument()}.
     */
    static Presearcher presearcher(PresearcherKind kind, boolean folded) {
        // Category and author terms are short and frequent in papers; prefer a conjunction's other terms.
        TermWeightor weightor = TermWeightor.combine(TermWeightor.DEFAULT,
                TermWeightor.fieldWeightor(0.2, PaperField.CATEGORIES.fieldName()));
        UnaryOperator<String> presearchField = folded ? PaperField::presearchFieldName : UnaryOperator.identity();
        List<CustomQueryHandler> handlers = List.of(new PrefixTermHandler(presearchField));
        return switch (kind) {
            case TERM_FILTERED -> {
                if (folded) {
                    throw new IllegalArgumentException("only the multipass presearcher folds fields");
                }
                yield new TermFilteredPresearcher(weightor, handlers, Set.of());
            }
            case MULTIPASS -> new CompactMultipassPresearcher(2, 0, weightor, handlers, presearchField);
        };
    }

    /**
     * Adds or replaces a subscription. Its query is validated now; Monitor is updated before the next match, together
     * with every other change since the last one.
     *
     * @throws QueryValidationException when its query is invalid (nothing changes then)
     */
    public void upsert(SubscriptionSpec subscription) {
        upsertAll(List.of(subscription));
    }

    /**
     * Adds or replaces many subscriptions. All queries are validated first: when one is invalid nothing changes.
     * Like {@link #upsert}, the Monitor index is updated once, before the next match.
     *
     * @throws QueryValidationException naming the first invalid query
     */
    public void upsertAll(Collection<SubscriptionSpec> specs) {
        Map<String, SubscriptionQuery> parsed = new HashMap<>();
        for (SubscriptionSpec spec : specs) {
            if (spec.hasQuery()) {
                parsed.computeIfAbsent(spec.query(), SubscriptionQuery::parse);
            }
        }
        lock.writeLock().lock();
        try {
            for (SubscriptionSpec spec : specs) {
                SubscriptionSpec old = subscriptions.remove(spec.id());
                if (old != null) {
                    detach(old, pending);
                }
                subscriptions.put(spec.id(), spec);
                attach(spec, spec.hasQuery() ? parsed.get(spec.query()) : null, pending);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a subscription; returns whether it existed. */
    public boolean remove(String subscriptionId) {
        lock.writeLock().lock();
        try {
            SubscriptionSpec old = subscriptions.remove(subscriptionId);
            if (old == null) {
                return false;
            }
            detach(old, pending);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void attach(SubscriptionSpec spec, SubscriptionQuery query, Update update) {
        spec.seeds().forEach(seedIndex::want);
        if (!spec.active()) {
            return;
        }
        if (query == null) {
            similarityOnly.put(spec.id(), spec);
            similarityPlan = null;
            return;
        }
        String key = deduplicate ? "q:" + query.normalized() : "s:" + spec.id();
        QueryGroup group = groupsByKey.get(key);
        if (group == null) {
            group = new QueryGroup("g" + (++nextGroupNumber), key, query);
            groupsByKey.put(key, group);
            groupsByMonitorId.put(group.monitorId, group);
            update.registered.put(group.monitorId, group);
        }
        group.members.put(spec.id(), spec);
        groupBySubscription.put(spec.id(), group);
    }

    private void detach(SubscriptionSpec spec, Update update) {
        spec.seeds().forEach(seedIndex::unwant);
        if (similarityOnly.remove(spec.id()) != null) {
            similarityPlan = null;
        }
        QueryGroup group = groupBySubscription.remove(spec.id());
        if (group != null) {
            group.members.remove(spec.id());
            if (group.members.isEmpty()) {
                groupsByKey.remove(group.key);
                groupsByMonitorId.remove(group.monitorId);
                if (update.registered.remove(group.monitorId) == null) {
                    update.deleted.add(group.monitorId);
                }
            }
        }
    }

    /** Matches one paper. */
    public List<SubscriptionMatch> match(EnrichedPaper paper) {
        return match(List.of(paper)).get(0).matches();
    }

    /** Matches papers, a batch of them at a time through Monitor; the result is in the order of the papers. */
    public List<PaperMatches> match(List<EnrichedPaper> batch) {
        long start = System.nanoTime();
        List<PaperDocument> documents = new ArrayList<>(batch.size());
        for (EnrichedPaper paper : batch) {
            documents.add(PaperDocument.of(paper, analyzer));
        }
        analysisNanos.add(System.nanoTime() - start);
        List<PaperMatches> results = new ArrayList<>(batch.size());
        lock.readLock().lock();
        try {
            if (!pending.isEmpty()) {
                // Registers the subscription changes since the last match in one Monitor update, then downgrades to
                // the read lock without letting a writer in between.
                lock.readLock().unlock();
                lock.writeLock().lock();
                try {
                    applyPending();
                    lock.readLock().lock();
                } finally {
                    lock.writeLock().unlock();
                }
            }
            for (int from = 0; from < documents.size(); from += batchSize) {
                int to = Math.min(documents.size(), from + batchSize);
                matchChunk(batch.subList(from, to), documents.subList(from, to), results);
            }
        } finally {
            lock.readLock().unlock();
        }
        documents.forEach(seedIndex::observe);
        papers.add(batch.size());
        return results;
    }

    private void matchChunk(List<EnrichedPaper> chunk, List<PaperDocument> documents, List<PaperMatches> results) {
        Document[] luceneDocuments = new Document[documents.size()];
        for (int i = 0; i < luceneDocuments.length; i++) {
            luceneDocuments[i] = foldedPresearch
                    ? documents.get(i).toPresearchDocument() : documents.get(i).toLuceneDocument();
        }
        MultiMatchingQueries<QueryMatch> found;
        long start = System.nanoTime();
        try {
            found = monitor.match(luceneDocuments, verification == Verification.DIRECT
                    ? DirectCandidateMatcher.factory(documents, !foldedPresearch, analyzer, luceneFallbacks) : QueryMatch.SIMPLE_MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene monitor failed to match", e);
        }
        long matched = System.nanoTime();
        monitorNanos.add(matched - start);
        if (!found.getErrors().isEmpty()) {
            Map.Entry<String, Exception> first = found.getErrors().entrySet().iterator().next();
            throw new IllegalStateException("stored query " + first.getKey() + " failed", first.getValue());
        }
        candidateQueries.add(found.getQueriesRun());
        for (int i = 0; i < documents.size(); i++) {
            PaperDocument document = documents.get(i);
            SimilarityCache similarities = new SimilarityCache(document);
            List<SubscriptionMatch> paperMatches = new ArrayList<>();
            for (QueryMatch match : found.getMatches(i)) {
                QueryGroup group = groupsByMonitorId.get(match.getQueryId());
                if (group != null) {
                    queryMatches.increment();
                    fanOut(group, document, similarities, paperMatches);
                }
            }
            matchSimilarityOnly(similarityPlan(), document, similarities, paperMatches);
            matches.add(paperMatches.size());
            results.add(new PaperMatches(chunk.get(i), paperMatches));
        }
        fanOutNanos.add(System.nanoTime() - matched);
    }

    private void fanOut(QueryGroup group, PaperDocument document, SimilarityCache similarities,
                        List<SubscriptionMatch> out) {
        List<Reason> reasons = null;
        for (SubscriptionSpec spec : group.members.values()) {
            if (!passesTrending(spec, document)) {
                continue;
            }
            if (reasons == null) {
                reasons = group.explainer.explain(document);
                if (reasons.isEmpty()) {
                    reasons = List.of(new Reason(MatchReasonKind.OTHER, null, group.query.normalized(), null));
                }
            }
            matchSubscription(spec, document, similarities, reasons, out);
        }
    }

    /** The similarity-only subscriptions as arrays; the caller holds the read lock, so no writer changes them. */
    private SimilarityPlan similarityPlan() {
        SimilarityPlan plan = similarityPlan;
        if (plan == null) {
            plan = SimilarityPlan.of(similarityOnly.values());
            similarityPlan = plan;
        }
        return plan;
    }

    /**
     * Subscriptions with seeds and no query: the paper is compared with every seed any of them names once, then
     * each subscription takes its best seed, as {@link #matchSubscription} would.
     */
    private void matchSimilarityOnly(SimilarityPlan plan, PaperDocument document, SimilarityCache similarities,
                                     List<SubscriptionMatch> out) {
        if (plan.subscriptions.length == 0) {
            return;
        }
        double[] bySeed = similarities.similarities(plan.seeds);
        for (int k = 0; k < plan.subscriptions.length; k++) {
            SubscriptionSpec spec = plan.subscriptions[k];
            if (!passesTrending(spec, document)) {
                continue;
            }
            int bestSeed = -1;
            double best = -1;
            for (int seed : plan.seedsOf[k]) {
                if (!Double.isNaN(bySeed[seed]) && bySeed[seed] > best) {
                    best = bySeed[seed];
                    bestSeed = seed;
                }
            }
            if (bestSeed < 0 || best < spec.similarityThreshold()) {
                continue;
            }
            List<Reason> reasons = new ArrayList<>(2);
            reasons.add(new Reason(MatchReasonKind.SIMILARITY, null, plan.seeds[bestSeed], best));
            if (spec.minTrendingScore() != null) {
                reasons.add(new Reason(MatchReasonKind.TRENDING, null, "trending score", document.trendingScore()));
            }
            out.add(new SubscriptionMatch(spec.id(), document.paperKey(), document.version(), reasons));
        }
    }

    /** Checks the trending and similarity conditions and adds the match with all its reasons. */
    private void matchSubscription(SubscriptionSpec spec, PaperDocument document,
                                   SimilarityCache similarities, List<Reason> queryReasons,
                                   List<SubscriptionMatch> out) {
        if (!passesTrending(spec, document)) {
            return;
        }
        if (!spec.hasSeeds() && spec.minTrendingScore() == null) {
            out.add(new SubscriptionMatch(spec.id(), document.paperKey(), document.version(), queryReasons));
            return;
        }
        List<Reason> reasons = new ArrayList<>(queryReasons);
        if (spec.hasSeeds()) {
            String bestSeed = null;
            double best = -1;
            for (String seed : spec.seeds()) {
                Optional<Double> similarity = similarities.similarity(seed);
                if (similarity.isPresent() && similarity.get() > best) {
                    best = similarity.get();
                    bestSeed = seed;
                }
            }
            if (bestSeed == null || best < spec.similarityThreshold()) {
                return;
            }
            reasons.add(new Reason(MatchReasonKind.SIMILARITY, null, bestSeed, best));
        }
        if (spec.minTrendingScore() != null) {
            reasons.add(new Reason(MatchReasonKind.TRENDING, null, "trending score", document.trendingScore()));
        }
        out.add(new SubscriptionMatch(spec.id(), document.paperKey(), document.version(), reasons));
    }

    private static boolean passesTrending(SubscriptionSpec spec, PaperDocument document) {
        return spec.minTrendingScore() == null || document.trendingScore() >= spec.minTrendingScore();
    }

    /** The subscription with this id, active or not. */
    public Optional<SubscriptionSpec> subscription(String id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(subscriptions.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of subscriptions known (active or not). */
    public int subscriptionCount() {
        lock.readLock().lock();
        try {
            return subscriptions.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of queries stored in Monitor: distinct normalised queries of active subscriptions. */
    public int storedQueryCount() {
        lock.readLock().lock();
        try {
            return groupsByKey.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The seed index, for inspection (what seeds are known). */
    public SeedIndex seedIndex() {
        return seedIndex;
    }

    /** How many times a candidate query had to be run through Lucene because the direct check could not decide. */
    public long luceneFallbacks() {
        return luceneFallbacks.sum();
    }

    /** Counters since creation. */
    public MatchStats stats() {
        return new MatchStats(papers.sum(), candidateQueries.sum(), queryMatches.sum(), matches.sum(),
                analysisNanos.sum(), monitorNanos.sum(), fanOutNanos.sum());
    }

    @Override
    public void close() throws IOException {
        monitor.close();
        analyzer.close();
    }

    /** The similarities of one paper to the seeds asked for so far; the paper vector is built on first use. */
    private final class SimilarityCache {
        private final PaperDocument document;
        private final Map<String, Optional<Double>> bySeed = new HashMap<>();
        private SeedIndex.PaperVector vector;

        SimilarityCache(PaperDocument document) {
            this.document = document;
        }

        /** Similarities to the given seeds, in their order, {@code NaN} where unknown. */
        double[] similarities(String[] seeds) {
            if (vector == null) {
                vector = seedIndex.vectorOf(document);
            }
            return vector.similarities(seeds);
        }

        Optional<Double> similarity(String seed) {
            Optional<Double> known = bySeed.get(seed);
            if (known == null) {
                if (vector == null) {
                    vector = seedIndex.vectorOf(document);
                }
                known = vector.similarity(seed);
                bySeed.put(seed, known);
            }
            return known;
        }
    }

    /** Similarity-only subscriptions, each with the indexes of its seeds in one array of distinct seed keys. */
    private static final class SimilarityPlan {
        final SubscriptionSpec[] subscriptions;
        final int[][] seedsOf;
        final String[] seeds;

        private SimilarityPlan(SubscriptionSpec[] subscriptions, int[][] seedsOf, String[] seeds) {
            this.subscriptions = subscriptions;
            this.seedsOf = seedsOf;
            this.seeds = seeds;
        }

        static SimilarityPlan of(Collection<SubscriptionSpec> specs) {
            Map<String, Integer> seedIndexes = new LinkedHashMap<>();
            SubscriptionSpec[] subscriptions = specs.toArray(SubscriptionSpec[]::new);
            int[][] seedsOf = new int[subscriptions.length][];
            for (int k = 0; k < subscriptions.length; k++) {
                List<String> seeds = subscriptions[k].seeds();
                seedsOf[k] = new int[seeds.size()];
                for (int i = 0; i < seeds.size(); i++) {
                    seedsOf[k][i] = seedIndexes.computeIfAbsent(seeds.get(i), key -> seedIndexes.size());
                }
            }
            return new SimilarityPlan(subscriptions, seedsOf, seedIndexes.keySet().toArray(String[]::new));
        }
    }

    /** Subscriptions sharing one stored query. */
    private static final class QueryGroup {
        final String monitorId;
        final String key;
        final SubscriptionQuery query;
        final MatchExplainer explainer;
        final Map<String, SubscriptionSpec> members = new LinkedHashMap<>();

        QueryGroup(String monitorId, String key, SubscriptionQuery query) {
            this.monitorId = monitorId;
            this.key = key;
            this.query = query;
            this.explainer = new MatchExplainer(query.query());
        }
    }

    /** The Monitor changes of one update, applied together. */
    /** Applies the pending subscription changes to Monitor; the caller holds the write lock. */
    private void applyPending() {
        if (!pending.isEmpty()) {
            pending.apply();
            pending = new Update();
        }
    }

    /**
     * Brings Monitor up to date with the subscription changes made so far (matching does it by itself; this is for
     * callers that want the cost now, e.g. at the end of a start-up).
     */
    public void flush() {
        lock.writeLock().lock();
        try {
            applyPending();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Changes to Monitor's stored queries not applied yet: registered groups and deleted group ids. */
    private final class Update {
        final Map<String, QueryGroup> registered = new LinkedHashMap<>();
        final List<String> deleted = new ArrayList<>();

        boolean isEmpty() {
            return registered.isEmpty() && deleted.isEmpty();
        }

        void apply() {
            try {
                if (!deleted.isEmpty()) {
                    monitor.deleteById(deleted);
                }
                if (!registered.isEmpty()) {
                    List<MonitorQuery> queries = new ArrayList<>(registered.size());
                    registered.values().forEach(g -> queries.add(
                            new MonitorQuery(g.monitorId, g.query.query(), g.query.text(), Map.of())));
                    monitor.register(queries);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update the Lucene monitor", e);
            }
        }
    }

    /** Settings of a {@link PaperMatcher}. */
    public static final class Builder {
        private boolean deduplicate = true;
        private PresearcherKind presearcher = PresearcherKind.MULTIPASS;
        private Verification verification = Verification.DIRECT;
        private int batchSize = 1;
        private int recentPapers = SeedIndex.DEFAULT_RECENT_CAPACITY;

        private Builder() {
        }

        /** Share one stored query among subscriptions with the same normalised query (default true). */
        public Builder deduplicate(boolean value) {
            this.deduplicate = value;
            return this;
        }

        /** The presearcher (default {@link PresearcherKind#MULTIPASS}). */
        public Builder presearcher(PresearcherKind value) {
            this.presearcher = value;
            return this;
        }

        /** How candidate queries are checked (default {@link Verification#DIRECT}). */
        public Builder verification(Verification value) {
            this.verification = value;
            return this;
        }

        /**
         * Papers handed to Monitor at once by {@link #match(List)} (default 1: Monitor indexes a batch of more with
         * an IndexWriter, which measured slower here than its single-document MemoryIndex).
         */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, was " + value);
            }
            this.batchSize = value;
            return this;
        }

        /** Recent papers the seed index keeps besides the wanted seeds. */
        public Builder recentPapers(int value) {
            this.recentPapers = value;
            return this;
        }

        public PaperMatcher build() {
            return new PaperMatcher(this);
        }
    }
}
