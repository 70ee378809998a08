/** The services {@code paperwire} runs inside {@code up} and {@code run}: scheduled ingest, and later enrich and notify. */
package io.paperwire.app.services;
