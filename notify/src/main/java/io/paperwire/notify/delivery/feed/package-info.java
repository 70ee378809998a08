/**
 * Live feeds. {@link io.paperwire.notify.delivery.feed.SseBroadcaster} fans alerts or enriched papers out to
 * connected Server-Sent Events clients ({@code text/event-stream}, framed by
 * {@link io.paperwire.notify.delivery.feed.SseEvent}), each through its own bounded queue so a slow client is
 * dropped instead of holding up the others; {@link io.paperwire.notify.delivery.feed.FeedEvents} turns alerts and
 * papers into events. {@link io.paperwire.notify.delivery.feed.AtomFeedRenderer} writes the Atom 1.0 feed of a
 * subscription ({@code /feeds/{id}.atom}). The HTTP routes are wired by the notify service.
 */
package io.paperwire.notify.delivery.feed;
