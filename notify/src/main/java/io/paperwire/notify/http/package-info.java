/**
 * paperwire's HTTP server ({@link io.paperwire.notify.http.NotifyHttpServer}, a route registry on the JDK server)
 * and the subscriptions REST API ({@link io.paperwire.notify.http.SubscriptionsApi}).
 */
package io.paperwire.notify.http;
