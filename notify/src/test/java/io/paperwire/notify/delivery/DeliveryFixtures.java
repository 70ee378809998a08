package io.paperwire.notify.delivery;

import io.paperwire.schemas.Alert;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.DigestSchedule;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.MatchReason;
import io.paperwire.schemas.MatchReasonKind;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperLinks;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.SubscriptionStatus;
import io.paperwire.schemas.Tag;
import io.paperwire.schemas.TagKind;
import java.time.Instant;
import java.util.List;

/** Hand-written papers, alerts and subscriptions for delivery tests (no shared data). */
public final class DeliveryFixtures {

    public static final String TOKEN = "tok_ZmFrZS10b2tlbi1mb3ItdGVzdHMtb25seS0xMjM0NTY3";
    public static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");

    private DeliveryFixtures() {
    }

    public static Subscription.Builder subscription(String id) {
        return Subscription.newBuilder()
                .setId(id)
                .setOwnerEmail("reader@example.org")
                .setName("MoE watch")
                .setQuery("tags:\"mixture of experts\"")
                .setEmailInstant(true)
                .setStatus(SubscriptionStatus.ACTIVE)
                .setUnsubscribeToken(TOKEN)
                .setCreatedAt(CREATED)
                .setUpdatedAt(CREATED);
    }

    public static Subscription dailyAt(String id, String time, String zone) {
        return subscription(id).setDailyDigest(new DigestSchedule(time, zone, null)).build();
    }

    public static EnrichedPaper paper(String key, String title, String abstractText) {
        Paper paper = Paper.newBuilder()
                .setKey(key)
                .setSource("file")
                .setArxivId(key.substring(key.indexOf(':') + 1))
                .setVersion(1)
                .setTitle(title)
                .setAbstractText(abstractText)
                .setAuthors(List.of(new Author("Ada Lovelace", null), new Author("Grace O'Hopper", "Navy")))
                .setCategories(List.of("cs.LG"))
                .setPrimaryCategory("cs.LG")
                .setLinks(new PaperLinks("https://arxiv.org/abs/" + key.substring(key.indexOf(':') + 1),
                        "https://arxiv.org/pdf/" + key.substring(key.indexOf(':') + 1) + "v1"))
                .setIngestedAt(CREATED)
                .setFirstPublishedAt(Instant.parse("2025-03-01T12:00:00Z"))
                .build();
        return EnrichedPaper.newBuilder()
                .setPaper(paper)
                .setKeywords(List.of(new Keyword("sparse experts", "spars expert", 0.9),
                        new Keyword("routing <b>tokens</b>", "rout token", 0.7)))
                .setTags(List.of(
                        Tag.newBuilder().setTag("cs.LG").setLabel("Machine Learning").setKind(TagKind.SUBJECT)
                                .setConfidence(1.0).setOrigin("source").build(),
                        Tag.newBuilder().setTag("mixture of experts").setKind(TagKind.TOPIC).setConfidence(0.8)
                                .setOrigin("taxonomy:1").setEvidence("mixture-of-experts").build()))
                .setTrendingScore(3.5)
                .setEnricherVersion("test-1")
                .setEnrichedAt(CREATED)
                .build();
    }

    public static Alert alert(String subscriptionId, EnrichedPaper paper, Instant matchedAt) {
        String key = paper.getPaper().getKey();
        return Alert.newBuilder()
                .setAlertId(subscriptionId + "|" + key + "|v" + paper.getPaper().getVersion())
                .setSubscriptionId(subscriptionId)
                .setPaperKey(key)
                .setPaperVersion(paper.getPaper().getVersion())
                .setTitle(paper.getPaper().getTitle())
                .setReasons(List.of(
                        new MatchReason(MatchReasonKind.TAG, "tags", "mixture of experts", null),
                        new MatchReason(MatchReasonKind.PHRASE, "abstract", "sparse <experts>", 0.75)))
                .setTrendingScore(paper.getTrendingScore())
                .setEnricherVersion(paper.getEnricherVersion())
                .setMatchedAt(matchedAt)
                .build();
    }

    public static MatchedPaper match(String subscriptionId, String key, String title, Instant matchedAt) {
        EnrichedPaper paper = paper(key, title, "We study sparse mixture of experts models and how tokens are routed "
                + "between experts during training.");
        return new MatchedPaper(alert(subscriptionId, paper, matchedAt), paper);
    }
}
