/**
 * Parsing of every format paperwire ingests, from bytes to {@link io.paperwire.ingest.parse.ParseResult}s.
 *
 * <p>One parser per format: {@link io.paperwire.ingest.parse.OaiPmhParser} (arXiv OAI-PMH {@code ListRecords} in the
 * {@code arXiv}, {@code arXivRaw} and {@code oai_dc} prefixes), {@link io.paperwire.ingest.parse.ArxivApiParser}
 * (arXiv API Atom), {@link io.paperwire.ingest.parse.ArxivFeedParser} (rss.arxiv.org RSS 2.0 and Atom),
 * {@link io.paperwire.ingest.parse.HfDailyParser} (Hugging Face daily papers JSON) and
 * {@link io.paperwire.ingest.parse.SnapshotJsonLinesParser} (the Kaggle arXiv metadata snapshot). Each takes an
 * {@code InputStream} and a source reference and returns a {@link io.paperwire.ingest.parse.Page}: one result per
 * record, either a paper, an engagement signal or an error with its position. A parser never throws for bad input and
 * never stops at the first bad record; it stops only where the bytes themselves cannot be read further (malformed XML
 * after a point), and says so with an error result.
 *
 * <p>{@link io.paperwire.ingest.parse.Normalizer} holds the shared rules (whitespace, NFC, authors, ids, categories,
 * content hash); {@link io.paperwire.ingest.parse.FormatDetector} tells which parser fits a saved file. The formats
 * and their quirks are described in {@code docs/ingest-formats.md}.
 */
package io.paperwire.ingest.parse;
