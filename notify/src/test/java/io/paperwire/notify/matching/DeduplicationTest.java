package io.paperwire.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.schemas.EnrichedPaper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeduplicationTest {

    @Test
    void shouldGiveTheSameMatchesAndReasonsWithAndWithoutDeduplication() throws IOException {
        List<EnrichedPaper> papers = new ArrayList<>(TestPapers.fixtures());
        TestPapers.arxivSample().ifPresent(sample -> papers.addAll(sample.subList(0, 150)));
        List<String> seedKeys = papers.stream().limit(5).map(p -> p.getPaper().getKey()).toList();
        List<SubscriptionSpec> specs = new SubscriptionGenerator(7, seedKeys, 0.01).generate(2_000);

        Set<String> deduplicated;
        Set<String> plain;
        try (PaperMatcher matcher = PaperMatcher.builder().deduplicate(true).build()) {
            matcher.upsertAll(specs);
            assertThat(matcher.storedQueryCount()).as("identical queries share one stored query")
                    .isLessThan(specs.size() * 2 / 3);
            matcher.match(papers);
            deduplicated = describe(matcher.match(papers));
        }
        try (PaperMatcher matcher = PaperMatcher.builder().deduplicate(false).build()) {
            matcher.upsertAll(specs);
            matcher.match(papers);
            plain = describe(matcher.match(papers));
        }

        assertThat(deduplicated).hasSizeGreaterThan(papers.size()).isEqualTo(plain);
    }

    /** Each match as "subscription paper reasons" with the reasons in a stable order. */
    private static Set<String> describe(List<PaperMatches> results) {
        Set<String> lines = new HashSet<>();
        for (PaperMatches result : results) {
            for (SubscriptionMatch match : result.matches()) {
                List<String> reasons = new ArrayList<>(match.reasons().stream().map(Reason::toString).toList());
                reasons.sort(null);
                lines.add(match.subscriptionId() + " " + match.paperKey() + " " + reasons);
            }
        }
        return lines;
    }
}
