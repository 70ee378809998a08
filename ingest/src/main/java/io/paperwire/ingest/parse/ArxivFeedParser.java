package io.paperwire.ingest.parse;

import io.paperwire.schemas.Author;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the arXiv announcement feed ({@code rss.arxiv.org/rss/<archives>}, RSS 2.0, and the Atom variant
 * {@code rss.arxiv.org/atom/<archives>}) into papers with their announce type (new, cross, replace, replace-cross).
 *
 * <p>Per item: guid {@code oai:arXiv.org:2411.17700v1} gives id and version; the description
 * {@code arXiv:ID Announce Type: new Abstract: …} gives the abstract; {@code dc:creator} the author list (names with
 * affiliations in parentheses); {@code category} the categories, primary first; {@code dc:rights} the license;
 * {@code arxiv:DOI} and {@code arxiv:journal_reference}; {@code pubDate} the announcement date, used as
 * {@code versionPublishedAt} (and {@code firstPublishedAt} of a new v1). An empty channel is an empty page; the error
 * channel that rss.arxiv.org sends with HTTP 200 for a bad archive name ({@code Feed error for query: …}, the error in
 * the channel {@code description}) is a feed error.
 */
public final class ArxivFeedParser implements PaperParser {

    public static final String SOURCE = "arxiv-feed";

    private static final Pattern DESCRIPTION = Pattern.compile(
            "\\s*arXiv:(\\S+)\\s+Announce Type:\\s*(\\S+)\\s*(?:Abstract:\\s?)?(.*)", Pattern.DOTALL);

    private final ParserSettings settings;

    public ArxivFeedParser(ParserSettings settings) {
        this.settings = settings;
    }

    public ArxivFeedParser() {
        this(ParserSettings.defaults());
    }

    @Override
    public String sourceName() {
        return SOURCE;
    }

    @Override
    public Page parse(InputStream in, String sourceRef) {
        ParseContext context = new ParseContext(sourceRef, SOURCE, settings);
        XmlParseSession session = XmlParseSession.open(context, in);
        if (!session.readable()) {
            return session.page();
        }
        String text = session.document().text();
        boolean atom = isAtom(text);
        String[] channel = new String[3];
        int[] itemIndex = {0};
        session.walk(new XmlDocumentWalker.Handler() {
            @Override
            public boolean wants(String path) {
                return atom ? path.equals("/feed/entry") || path.equals("/feed/title") || path.equals("/feed/subtitle")
                        : path.equals("/rss/channel/item") || path.equals("/rss/channel/title")
                                || path.equals("/rss/channel/description");
            }

            @Override
            public void element(String path, XmlElement element, XmlDocumentWalker.Span span) {
                switch (element.name()) {
                    case "title" -> {
                        channel[0] = Normalizer.text(element.text());
                        channel[2] = String.valueOf(span.firstLine());
                    }
                    case "description", "subtitle" -> channel[1] = Normalizer.text(element.text());
                    default -> {
                        itemIndex[0]++;
                        String position = "item " + itemIndex[0] + " (line " + span.firstLine() + ")";
                        session.addRecord(position, context.recordRef(span.firstLine()), span, element,
                                atom ? ArxivFeedParser::atomDraft : ArxivFeedParser::rssDraft);
                    }
                }
            }
        }, atom ? "feed" : "rss", atom ? "an arXiv Atom announcement feed" : "an arXiv RSS announcement feed");
        if (channel[0] != null && channel[0].startsWith("Feed error")) {
            session.feedError("arXiv feed error: " + channel[0] + (channel[1] == null ? "" : " — " + channel[1]),
                    "line " + channel[2], new byte[0]);
        }
        return session.page();
    }

    private static boolean isAtom(String text) {
        int feed = text.indexOf("<feed");
        int rss = text.indexOf("<rss");
        return feed >= 0 && (rss < 0 || feed < rss);
    }

    private static PaperDraft rssDraft(XmlElement item) {
        PaperDraft draft = new PaperDraft();
        draft.title = item.childText("title");
        draft.abstractPage = item.childText("link");
        draft.rawId = item.childText("guid");
        draft.arxivId = ArxivId.parse(draft.rawId).orElse(null);
        readDescription(item.childText("description"), draft);
        for (XmlElement category : item.children("category")) {
            draft.categories.add(Normalizer.text(category.text()));
        }
        for (XmlElement creator : item.children("creator")) {
            draft.authors.addAll(Normalizer.authorList(creator.text()));
        }
        draft.license = item.childText("rights");
        draft.doi = item.childText("DOI");
        draft.journalRef = item.childText("journal_reference");
        readAnnounceType(item.childText("announce_type"), draft);
        readDates(item.childText("pubDate"), draft);
        return draft;
    }

    private static PaperDraft atomDraft(XmlElement entry) {
        PaperDraft draft = ArxivApiParser.draft(entry);
        // the feed's Atom names every author of a paper in one element or one per author, with affiliations in
        // parentheses as in the RSS dc:creator
        List<Author> authors = new java.util.ArrayList<>();
        for (XmlElement author : entry.children("author")) {
            authors.addAll(Normalizer.authorList(author.childText("name")));
        }
        for (XmlElement creator : entry.children("creator")) {
            authors.addAll(Normalizer.authorList(creator.text()));
        }
        draft.authors = authors;
        draft.abstractText = null;
        readDescription(entry.childText("summary"), draft);
        if (draft.license == null) {
            draft.license = entry.childText("rights");
        }
        if (draft.doi == null) {
            draft.doi = entry.childText("DOI");
        }
        if (draft.journalRef == null) {
            draft.journalRef = entry.childText("journal_reference");
        }
        draft.firstPublishedAt = null;
        draft.versionPublishedAt = null;
        readAnnounceType(entry.childText("announce_type"), draft);
        String announced = entry.childText("published") != null ? entry.childText("published")
                : entry.childText("updated");
        readDates(announced, draft);
        return draft;
    }

    private static void readDescription(String description, PaperDraft draft) {
        if (description == null) {
            return;
        }
        Matcher matcher = DESCRIPTION.matcher(description);
        if (matcher.matches()) {
            draft.abstractText = matcher.group(3);
            if (draft.arxivId == null) {
                draft.rawId = matcher.group(1);
                draft.arxivId = ArxivId.parse(matcher.group(1)).orElse(null);
            }
            if (draft.announceType == null) {
                draft.announceType = AnnounceType.fromFeedValue(matcher.group(2)).orElse(null);
            }
        } else {
            draft.abstractText = description;
        }
    }

    private static void readAnnounceType(String value, PaperDraft draft) {
        if (value == null) {
            if (draft.announceType == null && draft.problem == null) {
                draft.problem = "missing announce type";
            }
            return;
        }
        Optional<AnnounceType> type = AnnounceType.fromFeedValue(value);
        if (type.isEmpty()) {
            draft.problem = "unknown announce type '" + PaperDraft.abbreviate(value.strip()) + "'";
        } else {
            draft.announceType = type.get();
        }
    }

    private static void readDates(String announced, PaperDraft draft) {
        if (announced == null || announced.isBlank()) {
            return;
        }
        Optional<Instant> date = SourceTimestamps.parse(announced);
        if (date.isEmpty()) {
            draft.problem = draft.problem != null ? draft.problem
                    : "unreadable announcement date '" + PaperDraft.abbreviate(announced.strip()) + "'";
            return;
        }
        draft.versionPublishedAt = date.get();
        boolean firstVersion = draft.arxivId != null && draft.arxivId.version().orElse(1) == 1;
        if (firstVersion && draft.announceType == AnnounceType.NEW) {
            draft.firstPublishedAt = date.get();
        }
    }
}
