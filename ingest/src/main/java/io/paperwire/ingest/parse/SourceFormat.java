package io.paperwire.ingest.parse;

/** The formats paperwire reads, each with its parser. */
public enum SourceFormat {
    /** arXiv OAI-PMH response ({@code arXiv}, {@code arXivRaw}, {@code oai_dc}). */
    OAI_PMH,
    /** arXiv API Atom response. */
    ARXIV_API,
    /** rss.arxiv.org announcement feed, RSS 2.0 or Atom. */
    ARXIV_FEED,
    /** Hugging Face daily papers JSON array. */
    HF_DAILY,
    /** Kaggle arXiv metadata snapshot, JSON Lines. */
    SNAPSHOT_JSON_LINES;

    /** A parser for this format with the given settings. */
    public PaperParser parser(ParserSettings settings) {
        return switch (this) {
            case OAI_PMH -> new OaiPmhParser(settings);
            case ARXIV_API -> new ArxivApiParser(settings);
            case ARXIV_FEED -> new ArxivFeedParser(settings);
            case HF_DAILY -> new HfDailyParser(settings);
            case SNAPSHOT_JSON_LINES -> new SnapshotJsonLinesParser(settings);
        };
    }
}
