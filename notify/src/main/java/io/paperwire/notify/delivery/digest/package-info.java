/**
 * Daily and weekly digests: {@link io.paperwire.notify.delivery.digest.DigestScheduler} says when each subscriber's
 * digest is due (local HH:MM in the subscriber's IANA time zone, daylight-saving changes included) and
 * {@link io.paperwire.notify.delivery.digest.DigestRun} composes and submits the digests that are due and not yet
 * in the {@link io.paperwire.notify.delivery.DeliveryLedger}: one mail per subscription and period, never two.
 */
package io.paperwire.notify.delivery.digest;
