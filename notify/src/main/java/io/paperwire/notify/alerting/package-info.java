/**
 * The alerting topology: {@code papers.enriched} → {@link io.paperwire.notify.matching.PaperMatcher} over every
 * active subscription (a global store over {@code subscriptions}) → {@code alerts}, exactly once per (subscription,
 * paper) thanks to the alert ledger store; bad records → {@code deadletters}. Entry point:
 * {@link io.paperwire.notify.alerting.AlertTopology}. Rules in {@code docs/notify.md}.
 */
package io.paperwire.notify.alerting;
