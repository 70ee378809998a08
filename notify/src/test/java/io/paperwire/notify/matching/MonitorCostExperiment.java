package io.paperwire.notify.matching;

import io.paperwire.schemas.EnrichedPaper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Where the time of Lucene Monitor goes: presearch alone (a matcher that runs nothing) against full matching, with
 * the presearcher and query-index configuration of {@link PaperMatcher}. Run by hand:
 * {@code java … MonitorCostExperiment 100000 1 MULTIPASS [presearch]}.
 */
public final class MonitorCostExperiment {

    private MonitorCostExperiment() {
    }

    public static void main(String[] args) throws Exception {
        int subscriptions = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        PaperMatcher.PresearcherKind kind = PaperMatcher.PresearcherKind.valueOf(args[2]);
        List<EnrichedPaper> papers = TestPapers.arxivSample().orElseThrow();
        Map<String, SubscriptionQuery> distinct = new LinkedHashMap<>();
        for (SubscriptionSpec spec : new SubscriptionGenerator(42).generate(subscriptions)) {
            SubscriptionQuery q = SubscriptionQuery.parse(spec.query());
            distinct.putIfAbsent(q.normalized(), q);
        }
        PaperAnalyzer analyzer = new PaperAnalyzer();
        try (Monitor monitor = new Monitor(analyzer, PaperMatcher.presearcher(kind),
                PaperMatcher.monitorConfiguration())) {
            List<MonitorQuery> queries = new ArrayList<>();
            int id = 0;
            for (SubscriptionQuery q : distinct.values()) {
                queries.add(new MonitorQuery("q" + id++, q.query(), q.text(), Map.of()));
            }
            monitor.register(queries);
            List<PaperDocument> documents = papers.stream().map(p -> PaperDocument.of(p, analyzer)).toList();
            MatcherFactory<QueryMatch> nothing = searcher -> new CandidateMatcher<>(searcher) {
                @Override
                protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) {
                }

                @Override
                public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
                    return match1;
                }
            };
            boolean presearchOnly = args.length > 3 && args[3].equals("presearch");
            for (int round = 0; round < (presearchOnly ? 15 : 3); round++) {
                run(monitor, documents, batch, nothing, "presearch only");
                if (!presearchOnly) {
                    run(monitor, documents, batch, QueryMatch.SIMPLE_MATCHER, "full QueryMatch");
                }
            }
        }
    }

    private static void run(Monitor monitor, List<PaperDocument> documents, int batch,
                            MatcherFactory<QueryMatch> factory, String label) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long runs = 0;
        long matched = 0;
        for (int from = 0; from < documents.size(); from += batch) {
            int to = Math.min(documents.size(), from + batch);
            Document[] docs = new Document[to - from];
            for (int i = from; i < to; i++) {
                docs[i - from] = documents.get(i).toLuceneDocument();
            }
            var result = monitor.match(docs, factory);
            runs += result.getQueriesRun();
            for (int i = 0; i < docs.length; i++) {
                matched += result.getMatchCount(i);
            }
        }
        double us = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / documents.size();
        System.out.printf(Locale.ROOT, "%-16s batch %3d: %7.0f us CPU/paper, %6.1f query runs/paper, %5.1f "
                + "matches/paper%n", label, batch, us, (double) runs / documents.size(),
                (double) matched / documents.size());
    }
}
