/**
 * Batch use of the enricher: {@link io.paperwire.enrich.annotate.Annotator} adds keywords and tags to the papers
 * of a JSON-lines file through the same {@link io.paperwire.enrich.PaperEnricher} the stream uses; the
 * {@code paperwire annotate} command of the app module calls it.
 */
package io.paperwire.enrich.annotate;
