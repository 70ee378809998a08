package io.paperwire.notify.matching;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * The Monitor matcher {@link PaperMatcher} uses: for each candidate query Monitor's presearcher selected, decides
 * per paper of the batch with {@link DirectQueryEvaluator}, and only where that answers "unknown" runs the query
 * through Lucene: on Monitor's searcher of the batch (whose document numbers are the batch positions) when Monitor
 * was given the papers' full documents, otherwise on an in-memory index of the paper's full document, built the
 * first time a query needs it (Monitor then holds only the presearch document, which lacks positions and fields).
 *
 * <p>In: the analysed papers of the batch, in the order their Lucene documents were given to Monitor. Out:
 * plain {@link QueryMatch}es, like {@link QueryMatch#SIMPLE_MATCHER}; reasons are computed later, for matches only.
 */
final class DirectCandidateMatcher extends CandidateMatcher<QueryMatch> {

    private final List<PaperDocument> papers;
    private final boolean monitorHasFullDocuments;
    private final Analyzer analyzer;
    private final LongAdder luceneFallbacks;
    private IndexSearcher[] paperSearchers;

    private DirectCandidateMatcher(IndexSearcher searcher, List<PaperDocument> papers, boolean monitorHasFullDocuments,
                                   Analyzer analyzer, LongAdder luceneFallbacks) {
        super(searcher);
        this.papers = papers;
        this.monitorHasFullDocuments = monitorHasFullDocuments;
        this.analyzer = analyzer;
        this.luceneFallbacks = luceneFallbacks;
    }

    /**
     * A factory for one batch of papers.
     *
     * @param monitorHasFullDocuments whether Monitor indexed {@link PaperDocument#toLuceneDocument()} (true) or the
     *                                presearch document (false)
     * @param analyzer                the paper analyser, for the in-memory index of a paper's full document
     */
    static MatcherFactory<QueryMatch> factory(List<PaperDocument> papers, boolean monitorHasFullDocuments,
                                              Analyzer analyzer, LongAdder luceneFallbacks) {
        return searcher -> new DirectCandidateMatcher(searcher, papers, monitorHasFullDocuments, analyzer,
                luceneFallbacks);
    }

    // Monitor's own matchers use this same collector-based search on its batch searcher (Lucene 9.11).
    @SuppressWarnings("deprecation")
    @Override
    protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
        boolean[] unknown = null;
        for (int doc = 0; doc < papers.size(); doc++) {
            int value = DirectQueryEvaluator.evaluate(matchQuery, papers.get(doc));
            if (value == DirectQueryEvaluator.MATCH) {
                addMatch(new QueryMatch(queryId), doc);
            } else if (value == DirectQueryEvaluator.UNKNOWN) {
                if (unknown == null) {
                    unknown = new boolean[papers.size()];
                }
                unknown[doc] = true;
            }
        }
        if (unknown != null && !monitorHasFullDocuments) {
            luceneFallbacks.increment();
            for (int doc = 0; doc < papers.size(); doc++) {
                if (unknown[doc] && paperSearcher(doc).count(matchQuery) > 0) {
                    addMatch(new QueryMatch(queryId), doc);
                }
            }
        } else if (unknown != null) {
            luceneFallbacks.increment();
            boolean[] askLucene = unknown;
            searcher.search(matchQuery, new SimpleCollector() {
                private int docBase;

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                    docBase = context.docBase;
                }

                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) {
                    int batchPosition = docBase + doc;
                    if (askLucene[batchPosition]) {
                        addMatch(new QueryMatch(queryId), batchPosition);
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        }
    }

    private IndexSearcher paperSearcher(int doc) {
        if (paperSearchers == null) {
            paperSearchers = new IndexSearcher[papers.size()];
        }
        if (paperSearchers[doc] == null) {
            MemoryIndex index = MemoryIndex.fromDocument(papers.get(doc).toLuceneDocument(), analyzer);
            paperSearchers[doc] = index.createSearcher();
        }
        return paperSearchers[doc];
    }

    @Override
    public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
        return match1;
    }
}
