package io.paperwire.notify.matching;

import java.util.Objects;
import java.util.function.Predicate;

import io.paperwire.schemas.EnrichedPaper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;

/**
 * One subscription-style query used as a filter over single papers, for streaming consumers (a feed with
 * {@code --query}, a Server-Sent Events stream with {@code ?query=}). In: a query in the subscription syntax (validated
 * as {@link SubscriptionQuery} validates it) and enriched papers. Out: whether each paper matches — the same answer
 * a Lucene index search over the paper's {@link PaperDocument} gives, which is the answer {@link PaperMatcher} gives
 * for a subscription with this query. Thread-safe: each test builds its own one-document index.
 */
public final class PaperQueryFilter implements Predicate<EnrichedPaper> {

    private static final Analyzer ANALYZER = new PaperAnalyzer();

    private final SubscriptionQuery query;

    private PaperQueryFilter(SubscriptionQuery query) {
        this.query = query;
    }

    /**
     * @throws QueryValidationException saying what is wrong with the query and where
     */
    public static PaperQueryFilter parse(String query) {
        return new PaperQueryFilter(SubscriptionQuery.parse(Objects.requireNonNull(query, "query")));
    }

    /** The query as given. */
    public String text() {
        return query.text();
    }

    @Override
    public boolean test(EnrichedPaper paper) {
        MemoryIndex index = new MemoryIndex();
        for (IndexableField field : PaperDocument.of(paper, ANALYZER).toLuceneDocument()) {
            index.addField(field, ANALYZER);
        }
        return index.search(query.query()) > 0.0f;
    }
}
