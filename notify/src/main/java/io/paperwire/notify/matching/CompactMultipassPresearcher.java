package io.paperwire.notify.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Monitor's {@link MultipassTermFilteredPresearcher}, with a cheaper way of indexing a stored query: the same
 * query-index document (per pass {@code field_<pass>} and the plain {@code field}, the same terms), but the terms
 * of each field are collected in a small sorted set instead of a {@code BytesRefHash}, which allocates a 32 KB
 * block for every field of every pass of every query. Registering 100,000 subscriptions spent about a third of its
 * time allocating those blocks. On the document side, likewise, the query built from a paper's terms is Monitor's
 * (every pass must match, in each pass any field), collected without a 32 KB block per field of every paper.
 *
 * <p>In: a stored query's {@link QueryTree}; a paper's terms. Out: the document Monitor indexes for the stored query;
 * the query Monitor runs against its query index for the paper.
 */
final class CompactMultipassPresearcher extends MultipassTermFilteredPresearcher {

    /** The field type Monitor's term-filtered presearchers index query terms with. */
    private static final FieldType QUERY_TERMS;

    static {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        type.freeze();
        QUERY_TERMS = type;
    }

    private final int passes;
    private final float minWeight;
    private final UnaryOperator<String> presearchField;

    /** Monitor's presearcher: each query term indexed under the field it names. */
    CompactMultipassPresearcher(int passes, float minWeight, TermWeightor weightor,
                                List<CustomQueryHandler> queryHandlers) {
        this(passes, minWeight, weightor, queryHandlers, UnaryOperator.identity());
    }

    /**
     * A presearcher whose query-index documents hold each query term under {@code presearchField.apply(field)}
     * (the field of the paper's presearch document where that field's terms are; see
     * {@link PaperField#presearchField()}). With the identity it builds exactly Monitor's documents.
     */
    CompactMultipassPresearcher(int passes, float minWeight, TermWeightor weightor,
                                List<CustomQueryHandler> queryHandlers, UnaryOperator<String> presearchField) {
        super(passes, minWeight, weightor, queryHandlers, Set.of());
        this.passes = passes;
        this.minWeight = minWeight;
        this.presearchField = presearchField;
    }

    @Override
    public Document buildQueryDocument(QueryTree querytree) {
        Document document = new Document();
        for (int pass = 0; pass < passes; pass++) {
            Map<String, SortedSet<BytesRef>> fieldTerms = new HashMap<>();
            querytree.collectTerms((field, term) -> fieldTerms.computeIfAbsent(presearchField.apply(field),
                    f -> new TreeSet<>()).add(BytesRef.deepCopyOf(term)));
            for (Map.Entry<String, SortedSet<BytesRef>> entry : fieldTerms.entrySet()) {
                document.add(new Field(entry.getKey() + "_" + pass, new TermListStream(entry.getValue()),
                        QUERY_TERMS));
                document.add(new Field(entry.getKey(), new TermListStream(entry.getValue()), QUERY_TERMS));
            }
            querytree.advancePhase(minWeight);
        }
        return document;
    }

    /**
     * The document side: the same query as Monitor's multipass builder (all passes required, in each pass any
     * field's terms), with each field's terms in a sorted set instead of a {@code BytesRefHash}.
     */
    @Override
    protected DocumentQueryBuilder getQueryBuilder() {
        return new DocumentQueryBuilder() {
            private final Map<String, SortedSet<BytesRef>> terms = new HashMap<>();

            @Override
            public void addTerm(String field, BytesRef term) {
                terms.computeIfAbsent(field, f -> new TreeSet<>()).add(term);
            }

            @Override
            public Query build() {
                BooleanQuery.Builder allPasses = new BooleanQuery.Builder();
                for (int pass = 0; pass < passes; pass++) {
                    BooleanQuery.Builder anyField = new BooleanQuery.Builder();
                    for (Map.Entry<String, SortedSet<BytesRef>> entry : terms.entrySet()) {
                        anyField.add(new TermInSetQuery(entry.getKey() + "_" + pass, entry.getValue()),
                                BooleanClause.Occur.SHOULD);
                    }
                    allPasses.add(anyField.build(), BooleanClause.Occur.MUST);
                }
                return allPasses.build();
            }
        };
    }
}
