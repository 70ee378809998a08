package io.paperwire.schemas;

import java.util.List;
import java.util.Objects;

/**
 * The names of paperwire's topics; {@link #defaults()} gives the standard ones. A deployment that renames topics
 * builds its own instance (e.g. from configuration) and hands it to {@link PaperwireTopics}.
 *
 * @param published paper events from ingest ({@code Paper}, key: paper key)
 * @param signals engagement signals ({@code EngagementSignal}, key: paper key)
 * @param enriched enriched papers ({@code EnrichedPaper}, key: paper key)
 * @param trending trending scores, compacted ({@code TrendingScore}, key: paper key)
 * @param subscriptions subscriptions, compacted ({@code Subscription}, key: subscription id)
 * @param alerts alerts ({@code Alert}, key: subscription id)
 * @param deliveries delivery outcomes of alerts
 * @param checkpoints ingest positions, compacted ({@code IngestCheckpoint}, key: source id)
 * @param deadLetters records that could not be processed ({@code DeadLetter})
 */
public record TopicNames(
    String published,
    String signals,
    String enriched,
    String trending,
    String subscriptions,
    String alerts,
    String deliveries,
    String checkpoints,
    String deadLetters) {

  public TopicNames {
    for (String name : new String[] {published, signals, enriched, trending, subscriptions, alerts, deliveries,
        checkpoints, deadLetters}) {
      if (Objects.requireNonNull(name, "topic name").isBlank()) {
        throw new IllegalArgumentException("topic names must not be blank");
      }
    }
  }

  /** The standard names: papers.published, papers.signals, papers.enriched, papers.trending, subscriptions, alerts, deliveries, ingest.checkpoints, deadletters. */
  public static TopicNames defaults() {
    return new TopicNames("papers.published", "papers.signals", "papers.enriched", "papers.trending",
        "subscriptions", "alerts", "deliveries", "ingest.checkpoints", "deadletters");
  }

  /** Every name, in declaration order. */
  public List<String> all() {
    return List.of(published, signals, enriched, trending, subscriptions, alerts, deliveries, checkpoints,
        deadLetters);
  }
}
