package io.paperwire.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.junit.jupiter.api.Test;

/** The prefix handler expands a paper's terms only on fields with prefix queries, to the stored lengths. */
class PrefixTermHandlerTest {

    private final PrefixTermHandler handler = new PrefixTermHandler();

    @Test
    void shouldNotExpandAFieldWithoutPrefixQueries() throws IOException {
        handler.handleQuery(new PrefixQuery(new Term("categories", "physics.")), TermWeightor.DEFAULT);

        assertThat(expand("title", "superconductivity graphene")).containsExactly("superconductivity", "graphene");
        assertThat(handler.expandedLengths("title")).isEmpty();
    }

    @Test
    void shouldExpandToTheStoredLengthsOnly() throws IOException {
        handler.handleQuery(new PrefixQuery(new Term("title", "sup")), TermWeightor.DEFAULT);
        handler.handleQuery(new WildcardQuery(new Term("title", "grap?ene*")), TermWeightor.DEFAULT);
        handler.handleQuery(new TermQuery(new Term("title", "ignored")), TermWeightor.DEFAULT);

        assertThat(handler.expandedLengths("title")).containsExactly(3, 4);
        assertThat(expand("title", "superconductivity go")).containsExactly(
                "superconductivity", "sup\u0001", "supe\u0001", "go");
    }

    @Test
    void shouldCutPrefixesLongerThanTheMaximumOnBothSides() throws IOException {
        String longPrefix = "superconduct";
        var tree = handler.handleQuery(new PrefixQuery(new Term("abstract", longPrefix)), TermWeightor.DEFAULT);
        List<String> indexed = new ArrayList<>();
        tree.collectTerms((field, term) -> indexed.add(field + ":" + term.utf8ToString()));

        String cut = longPrefix.substring(0, PrefixTermHandler.MAX_PREFIX) + "\u0001";
        assertThat(indexed).containsExactly("abstract:" + cut);
        assertThat(expand("abstract", "superconductivity")).containsExactly("superconductivity", cut);
    }

    @Test
    void shouldLeaveTooShortPrefixesToMonitor() {
        assertThat(handler.handleQuery(new PrefixQuery(new Term("title", "s")), TermWeightor.DEFAULT)).isNull();
        assertThat(handler.expandedLengths("title")).isEmpty();
    }

    private List<String> expand(String field, String text) throws IOException {
        WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
        tokenizer.setReader(new StringReader(text));
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = handler.wrapTermStream(field, tokenizer)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
