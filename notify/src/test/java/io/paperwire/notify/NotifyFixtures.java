package io.paperwire.notify;

import io.paperwire.schemas.Author;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperLinks;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import io.paperwire.schemas.Tag;
import io.paperwire.schemas.TagKind;
import java.time.Instant;
import java.util.List;

/** Papers and subscriptions written for the notify tests (not taken from any source). */
public final class NotifyFixtures {

    public static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private NotifyFixtures() {
    }

    /** An enriched paper on sparse experts routing, version {@code version}, enriched by {@code enricher}. */
    public static EnrichedPaper expertsPaper(String key, int version, String enricher, double trending) {
        return paper(key, version, enricher, trending, "Sparse Mixture of Experts Routing",
                "We route tokens to experts of a sparse mixture and train language models with less compute.",
                List.of("cs.LG"), List.of("mixture of experts"));
    }

    /** An enriched paper on graphene, which the experts subscriptions do not match. */
    public static EnrichedPaper graphenePaper(String key) {
        return paper(key, 1, "e1", 0.5, "Superconductivity in Twisted Bilayer Graphene",
                "Near the magic angle twisted bilayer graphene shows superconducting domes.",
                List.of("cond-mat.supr-con"), List.of("superconductivity"));
    }

    public static EnrichedPaper paper(String key, int version, String enricher, double trending, String title,
                                      String abstractText, List<String> categories, List<String> tags) {
        Paper paper = Paper.newBuilder()
                .setKey(key)
                .setSource("file")
                .setVersion(version)
                .setTitle(title)
                .setAbstractText(abstractText)
                .setAuthors(List.of(Author.newBuilder().setName("Ada Example").build()))
                .setCategories(categories)
                .setPrimaryCategory(categories.get(0))
                .setLinks(PaperLinks.newBuilder().build())
                .setIngestedAt(T0)
                .build();
        return EnrichedPaper.newBuilder()
                .setPaper(paper)
                .setKeywords(tags.stream().map(t -> Keyword.newBuilder().setPhrase(t).setNormalized(t)
                        .setScore(1.0).build()).toList())
                .setTags(tags.stream().map(t -> Tag.newBuilder().setTag(t).setKind(TagKind.TOPIC)
                        .setConfidence(0.9).setOrigin("test").build()).toList())
                .setTrendingScore(trending)
                .setEnricherVersion(enricher)
                .setEnrichedAt(T0)
                .build();
    }

    /** An active subscription with a query. */
    public static Subscription subscription(String id, String query) {
        return Subscription.newBuilder()
                .setId(id)
                .setOwnerEmail(id + "@example.org")
                .setName("subscription " + id)
                .setQuery(query)
                .setStatus(SubscriptionStatus.ACTIVE)
                .setUnsubscribeToken("token-" + id)
                .setCreatedAt(T0)
                .setUpdatedAt(T0)
                .build();
    }
}
