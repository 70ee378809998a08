/**
 * The matching core of notify: which subscriptions an enriched paper matches, and why.
 *
 * <p>A subscriber's query is parsed and validated by {@link io.paperwire.notify.matching.SubscriptionQuery}
 * (Lucene query syntax over title, abstract, keywords, tags, authors, categories; a
 * {@link io.paperwire.notify.matching.QueryValidationException} points at what is wrong). A
 * {@link io.paperwire.notify.matching.PaperMatcher} keeps every active
 * {@link io.paperwire.notify.matching.SubscriptionSpec} in a Lucene Monitor, one stored query per distinct
 * normalised query, and matches each {@link io.paperwire.schemas.EnrichedPaper} against them: Monitor's presearcher
 * picks the candidate queries, {@link io.paperwire.notify.matching.DirectQueryEvaluator} checks them against the
 * paper analysed once ({@link io.paperwire.notify.matching.PaperDocument}, {@link
 * io.paperwire.notify.matching.PaperAnalyzer}), and {@link io.paperwire.notify.matching.MatchExplainer} turns the
 * clauses that fired into {@link io.paperwire.notify.matching.Reason}s. "More like these papers" subscriptions
 * compare TF-IDF vectors in a {@link io.paperwire.notify.matching.SeedIndex}.
 * {@link io.paperwire.notify.matching.SubscriptionGenerator} makes realistic subscriptions for tests and benchmarks.
 *
 * <p>Nothing here touches Kafka or HTTP. {@code docs/matching.md} explains the design and the measured rates.
 */
package io.paperwire.notify.matching;
