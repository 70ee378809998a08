package io.paperwire.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubscriptionGeneratorTest {

    @Test
    void shouldGenerateTheSameSubscriptionsFromTheSameSeed() {
        assertThat(new SubscriptionGenerator(3).generate(500)).isEqualTo(new SubscriptionGenerator(3).generate(500));
        assertThat(new SubscriptionGenerator(3).generate(500)).isNotEqualTo(new SubscriptionGenerator(4).generate(500));
    }

    @Test
    void shouldGenerateValidQueriesWithManyRepeatsLikeRealSubscribers() {
        List<SubscriptionSpec> specs = new SubscriptionGenerator(11, List.of("arxiv:0704.0001"), 0.01)
                .generate(5_000);

        specs.stream().filter(s -> s.query() != null).forEach(s -> SubscriptionQuery.parse(s.query()));
        long distinct = specs.stream().map(SubscriptionSpec::query).distinct().count();
        assertThat(distinct).isBetween(500L, 4_000L);
        Map<String, Long> counts = specs.stream().filter(s -> s.query() != null)
                .collect(Collectors.groupingBy(SubscriptionSpec::query, Collectors.counting()));
        assertThat(counts.values().stream().mapToLong(Long::longValue).max().orElse(0))
                .as("the most popular query is asked for many times").isGreaterThan(25);
        assertThat(specs.stream().filter(s -> !s.active()).count()).isBetween(50L, 150L);
        assertThat(specs.stream().filter(s -> s.minTrendingScore() != null).count()).isBetween(80L, 220L);
        assertThat(specs.stream().filter(SubscriptionSpec::hasSeeds)).hasSizeBetween(20, 90)
                .allSatisfy(s -> assertThat(s.seeds()).containsOnly("arxiv:0704.0001"));
        assertThat(specs.stream().map(SubscriptionSpec::id).collect(Collectors.toMap(Function.identity(), id -> 1)))
                .hasSize(specs.size());
    }

    @Test
    void shouldGenerateNoSimilaritySubscriptionsWithoutSeedPapers() {
        assertThat(new SubscriptionGenerator(5).generate(5_000)).noneMatch(SubscriptionSpec::hasSeeds);
    }
}
