/**
 * The delivery runtime of {@code notify}: {@link io.paperwire.notify.delivery.runtime.AlertDeliveryService} consumes
 * {@code alerts}, joins each alert with its subscription and enriched paper, submits it to the channels' dispatchers
 * (instant email, webhook, live feed), runs due attempts and the digest tick, and commits consumer offsets only up to
 * the first alert whose deliveries are not final in the delivery ledger. {@link
 * io.paperwire.notify.delivery.runtime.DeliveryReport} is what {@code paperwire deliveries --failed} prints.
 */
package io.paperwire.notify.delivery.runtime;
