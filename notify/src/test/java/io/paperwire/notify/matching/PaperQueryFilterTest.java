package io.paperwire.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import io.paperwire.schemas.EnrichedPaper;
import org.junit.jupiter.api.Test;

/**
 * A query used as a filter over single papers answers exactly as the subscription matcher does for a subscription
 * with that query (whose own answers are checked against a plain index search in {@link MatchingSemanticsTest}), and
 * bad queries are refused with the matcher's messages.
 */
class PaperQueryFilterTest {

    @Test
    void shouldAgreeWithTheMatcherOnRandomQueries() throws IOException {
        List<EnrichedPaper> papers = TestPapers.arxivSample().map(all -> all.subList(0, 150))
                .orElseGet(TestPapers::fixtures);
        Map<String, String> queries = MatchingSemanticsTest.randomQueries(new Random(7), papers, 80);
        Map<String, Set<String>> byMatcher = new HashMap<>();
        queries.keySet().forEach(id -> byMatcher.put(id, new TreeSet<>()));
        try (PaperMatcher matcher = PaperMatcher.create()) {
            List<SubscriptionSpec> specs = new ArrayList<>();
            queries.forEach((id, query) -> specs.add(SubscriptionSpec.ofQuery(id, query)));
            matcher.upsertAll(specs);
            for (PaperMatches result : matcher.match(papers)) {
                result.matches().forEach(m -> byMatcher.get(m.subscriptionId()).add(m.paperKey()));
            }
        }
        long pairs = 0;
        for (Map.Entry<String, String> query : queries.entrySet()) {
            PaperQueryFilter filter = PaperQueryFilter.parse(query.getValue());
            Set<String> byFilter = new TreeSet<>();
            papers.stream().filter(filter).forEach(p -> byFilter.add(p.getPaper().getKey()));
            assertThat(byFilter).as("papers matching %s", query.getValue()).isEqualTo(byMatcher.get(query.getKey()));
            pairs += byFilter.size();
        }
        assertThat(pairs).as("the random queries must match something to mean anything").isPositive();
    }

    @Test
    void shouldRefuseABadQueryWithTheMatchersMessage() {
        assertThatThrownBy(() -> PaperQueryFilter.parse("title:(unclosed"))
                .isInstanceOf(QueryValidationException.class).hasMessageContaining("column");
        assertThatThrownBy(() -> PaperQueryFilter.parse("colour:red"))
                .isInstanceOf(QueryValidationException.class).hasMessageContaining("colour");
    }
}
