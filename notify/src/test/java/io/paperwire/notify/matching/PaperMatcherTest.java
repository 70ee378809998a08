package io.paperwire.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.MatchReasonKind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PaperMatcherTest {

    private final Map<String, EnrichedPaper> papers = TestPapers.fixtures().stream()
            .collect(Collectors.toMap(p -> p.getPaper().getKey(), Function.identity()));
    private final PaperMatcher matcher = PaperMatcher.create();

    @AfterEach
    void close() throws IOException {
        matcher.close();
    }

    private List<String> matchingIds(String paperKey) {
        return matcher.match(papers.get(paperKey)).stream().map(SubscriptionMatch::subscriptionId).toList();
    }

    private SubscriptionMatch onlyMatch(String paperKey) {
        List<SubscriptionMatch> matches = matcher.match(papers.get(paperKey));
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }

    @Test
    void shouldMatchOnlyThePapersTheQuerySelects() {
        matcher.upsert(SubscriptionSpec.ofQuery("moe", "tags:\"mixture of experts\" AND NOT categories:physics.*"));

        assertThat(matchingIds("test:1")).containsExactly("moe");
        for (String other : List.of("test:2", "test:3", "test:7", "test:12")) {
            assertThat(matchingIds(other)).isEmpty();
        }
    }

    @Test
    void shouldFollowUpsertsRemovalsAndPauses() {
        matcher.upsert(SubscriptionSpec.ofQuery("s1", "graphene"));
        assertThat(matchingIds("test:5")).containsExactly("s1");
        assertThat(matchingIds("test:2")).isEmpty();

        matcher.upsert(SubscriptionSpec.ofQuery("s1", "\"entanglement entropy\""));
        assertThat(matchingIds("test:5")).isEmpty();
        assertThat(matchingIds("test:2")).containsExactly("s1");

        matcher.upsert(SubscriptionSpec.ofQuery("s1", "\"entanglement entropy\"").withActive(false));
        assertThat(matchingIds("test:2")).isEmpty();
        assertThat(matcher.storedQueryCount()).isZero();

        matcher.upsert(SubscriptionSpec.ofQuery("s1", "\"entanglement entropy\""));
        assertThat(matchingIds("test:2")).containsExactly("s1");

        assertThat(matcher.remove("s1")).isTrue();
        assertThat(matchingIds("test:2")).isEmpty();
        assertThat(matcher.remove("s1")).isFalse();
        assertThat(matcher.subscriptionCount()).isZero();
    }

    @Test
    void shouldKeepOtherSubscriptionsOfASharedQueryWhenOneLeaves() {
        matcher.upsertAll(List.of(SubscriptionSpec.ofQuery("a", "graphene"), SubscriptionSpec.ofQuery("b", "Graphene")));
        assertThat(matcher.storedQueryCount()).isEqualTo(1);
        assertThat(matchingIds("test:5")).containsExactly("a", "b");

        matcher.remove("a");

        assertThat(matchingIds("test:5")).containsExactly("b");
        assertThat(matcher.storedQueryCount()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnInvalidQueryAndChangeNothing() {
        matcher.upsert(SubscriptionSpec.ofQuery("s1", "graphene"));

        assertThatThrownBy(() -> matcher.upsertAll(List.of(SubscriptionSpec.ofQuery("s2", "graphene"),
                SubscriptionSpec.ofQuery("s1", "venue:neurips"))))
                .isInstanceOf(QueryValidationException.class).hasMessageContaining("unknown field 'venue'");

        assertThat(matcher.subscriptionCount()).isEqualTo(1);
        assertThat(matchingIds("test:5")).containsExactly("s1");
    }

    @Test
    void shouldReportTheTagOfATagPhrase() {
        matcher.upsert(SubscriptionSpec.ofQuery("moe", "tags:\"Mixture of Experts\""));

        assertThat(onlyMatch("test:1").reasons())
                .containsExactly(new Reason(MatchReasonKind.TAG, "tags", "mixture of experts", null));
    }

    @Test
    void shouldReportTheAuthorWithOrWithoutAccents() {
        matcher.upsertAll(List.of(SubscriptionSpec.ofQuery("wang", "authors:\"Wei Wang\""),
                SubscriptionSpec.ofQuery("muller", "authors:Muller"),
                SubscriptionSpec.ofQuery("balazs", "authors:\"Balázs\"")));

        assertThat(matcher.match(papers.get("test:1")))
                .extracting(SubscriptionMatch::subscriptionId, SubscriptionMatch::reasons)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("wang",
                                List.of(new Reason(MatchReasonKind.AUTHOR, "authors", "Wei Wang", null))),
                        org.assertj.core.groups.Tuple.tuple("muller",
                                List.of(new Reason(MatchReasonKind.AUTHOR, "authors", "Laura Müller", null))));
        assertThat(onlyMatch("test:4").reasons())
                .containsExactly(new Reason(MatchReasonKind.AUTHOR, "authors", "C. Bal\\'azs", null));
    }

    @Test
    void shouldQuoteThePapersOwnWordsForTermsPhrasesAndCategories() {
        matcher.upsert(SubscriptionSpec.ofQuery("s", "superconducting AND \"bilayer graphene\" AND categories:cond-mat*"));

        // Stemmed alike, "superconducting" fires on the title's "Superconductivity", and the title comes first.
        assertThat(onlyMatch("test:5").reasons()).containsExactlyInAnyOrder(
                new Reason(MatchReasonKind.TERM, "title", "Superconductivity", null),
                new Reason(MatchReasonKind.PHRASE, "title", "Bilayer Graphene", null),
                new Reason(MatchReasonKind.CATEGORY, "categories", "cond-mat.supr-con", null));
    }

    @Test
    void shouldNotGiveNegatedClausesAsReasons() {
        matcher.upsert(SubscriptionSpec.ofQuery("s", "privacy AND NOT categories:physics.*"));

        assertThat(onlyMatch("test:9").reasons())
                .containsExactly(new Reason(MatchReasonKind.TERM, "title", "Privacy", null));
    }

    @Test
    void shouldApplyTheMinimumTrendingScore() {
        matcher.upsert(new SubscriptionSpec("hot", "categories:cs.*", List.of(), null, 2.0, true));

        assertThat(matcher.match(List.of(papers.get("test:1"), papers.get("test:9"), papers.get("test:7"))))
                .extracting(r -> r.paper().getPaper().getKey(), r -> r.matches().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("test:1", 1),
                        org.assertj.core.groups.Tuple.tuple("test:9", 0),
                        org.assertj.core.groups.Tuple.tuple("test:7", 1));
        assertThat(onlyMatch("test:7").reasons()).contains(
                new Reason(MatchReasonKind.TRENDING, null, "trending score", 4.0));
    }

    @Test
    void shouldMatchPapersLikeTheSeedsOnceTheSeedWasSeen() {
        EnrichedPaper seed = papers.get("test:1");
        EnrichedPaper similar = TestPapers.paper("test:100", "Routing Tokens in a Mixture of Experts",
                "A sparse mixture of experts routes each token to experts; language models train with less compute.",
                List.of("Olga Nowak"), List.of("cs.CL"), List.of(), List.of(), 0.0);
        matcher.upsert(new SubscriptionSpec("like", null, List.of("test:1"), 0.2, null, true));

        assertThat(matcher.match(similar)).as("the seed was never seen").isEmpty();
        matcher.match(List.copyOf(papers.values()));
        assertThat(matcher.seedIndex().knows("test:1")).isTrue();

        SubscriptionMatch match = matcher.match(similar).get(0);
        assertThat(match.subscriptionId()).isEqualTo("like");
        assertThat(match.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.kind()).isEqualTo(MatchReasonKind.SIMILARITY);
            assertThat(reason.detail()).isEqualTo("test:1");
            assertThat(reason.score()).isBetween(0.2, 1.0);
        });
        assertThat(matchingIds("test:10")).as("elliptic curves are not like mixtures of experts").isEmpty();
        assertThat(matcher.match(seed)).as("a seed is not reported as similar to itself").isEmpty();
    }

    @Test
    void shouldRequireBothQueryAndSimilarityWhenBothAreGiven() {
        matcher.match(List.copyOf(papers.values()));
        matcher.upsert(new SubscriptionSpec("both", "categories:cs.LG", List.of("test:1"), 0.01, null, true));

        assertThat(matchedKeys()).as("cs.LG papers other than the seed").isNotEmpty()
                .isSubsetOf("test:4", "test:7", "test:9");

        matcher.upsert(new SubscriptionSpec("both", "categories:cs.LG", List.of("test:1"), 0.99, null, true));
        assertThat(matchedKeys()).isEmpty();
    }

    private List<String> matchedKeys() {
        return matcher.match(List.copyOf(papers.values())).stream()
                .filter(r -> !r.matches().isEmpty()).map(r -> r.paper().getPaper().getKey()).toList();
    }
}
