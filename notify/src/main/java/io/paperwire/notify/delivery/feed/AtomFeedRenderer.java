package io.paperwire.notify.delivery.feed;

import io.paperwire.notify.delivery.MatchedPaper;
import io.paperwire.notify.delivery.PaperText;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.MatchReason;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.Tag;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders the Atom 1.0 feed of a subscription ({@code /feeds/{id}.atom}). Input: the subscription and its latest
 * matched papers; output: UTF-8 XML with one entry per alert, newest first (title, authors, links to the abstract
 * page and PDF, tags as categories, the shortened abstract as summary, the match reasons as content). The XML
 * writer escapes all text; characters XML 1.0 cannot carry are removed. Ids are {@code urn:uuid:} URNs derived
 * from the subscription and alert ids, so they stay the same across renders.
 */
public final class AtomFeedRenderer {

    public static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    private static final int SUMMARY_CHARS = 1000;

    private final URI publicBaseUrl;
    private final Clock clock;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    public AtomFeedRenderer(URI publicBaseUrl, Clock clock) {
        this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The feed as a string. */
    public String render(Subscription subscription, List<MatchedPaper> matches) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(subscription, matches, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the feed to {@code out} (not closed). */
    public void write(Subscription subscription, List<MatchedPaper> matches, OutputStream out) {
        List<MatchedPaper> newestFirst = new ArrayList<>(matches);
        newestFirst.sort(Comparator.comparing((MatchedPaper m) -> m.alert().getMatchedAt()).reversed()
                .thenComparing(m -> m.alert().getAlertId()));
        Instant updated = newestFirst.isEmpty()
                ? (subscription.getUpdatedAt() != null ? subscription.getUpdatedAt() : clock.instant())
                : newestFirst.get(0).alert().getMatchedAt();
        try {
            XMLStreamWriter w = xml.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM_NS);
            element(w, "id", urn("feed", subscription.getId()));
            textElement(w, "title", "paperwire: " + subscription.getName());
            textElement(w, "subtitle", subscription.getQuery() == null ? "papers similar to your seeds"
                    : "papers matching " + subscription.getQuery());
            element(w, "updated", timestamp(updated));
            link(w, "self", feedUrl(subscription.getId()), CONTENT_TYPE.substring(0, CONTENT_TYPE.indexOf(';')));
            w.writeStartElement("author");
            element(w, "name", "paperwire");
            w.writeEndElement();
            element(w, "generator", "paperwire");
            for (MatchedPaper match : newestFirst) {
                entry(w, match);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed of " + subscription.getId(), e);
        }
    }

    /** Where the feed of a subscription is served. */
    public String feedUrl(String subscriptionId) {
        String base = publicBaseUrl.toString();
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return base + "/feeds/" + URLEncoder.encode(subscriptionId, StandardCharsets.UTF_8) + ".atom";
    }

    private void entry(XMLStreamWriter w, MatchedPaper match) throws XMLStreamException {
        Alert alert = match.alert();
        Paper paper = match.paper().getPaper();
        w.writeStartElement("entry");
        element(w, "id", urn("alert", alert.getAlertId()));
        textElement(w, "title", (alert.getIsUpdate() ? "[updated] " : "") + PaperText.displayTitle(paper));
        element(w, "updated", timestamp(alert.getMatchedAt()));
        Instant published = paper.getVersionPublishedAt() != null ? paper.getVersionPublishedAt()
                : paper.getFirstPublishedAt();
        if (published != null) {
            element(w, "published", timestamp(published));
        }
        if (paper.getLinks() != null && PaperText.isWebLink(paper.getLinks().getAbstractPage())) {
            link(w, "alternate", paper.getLinks().getAbstractPage().strip(), "text/html");
        }
        if (paper.getLinks() != null && PaperText.isWebLink(paper.getLinks().getPdf())) {
            link(w, "related", paper.getLinks().getPdf().strip(), "application/pdf");
        }
        for (Author author : paper.getAuthors()) {
            w.writeStartElement("author");
            element(w, "name", author.getName());
            w.writeEndElement();
        }
        for (Tag tag : match.paper().getTags()) {
            String term = xmlSafe(tag.getTag()).strip();
            if (!term.isEmpty()) {
                w.writeEmptyElement("category");
                w.writeAttribute("term", term);
                if (tag.getLabel() != null && !tag.getLabel().isBlank()) {
                    w.writeAttribute("label", xmlSafe(tag.getLabel()));
                }
            }
        }
        textElement(w, "summary", PaperText.shorten(paper.getAbstractText(), SUMMARY_CHARS));
        List<String> reasons = new ArrayList<>();
        for (MatchReason reason : alert.getReasons()) {
            reasons.add(PaperText.describe(reason));
        }
        textElement(w, "content", "Why you got this: " + (reasons.isEmpty() ? "your query matched"
                : String.join("; ", reasons)) + ".");
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", xmlSafe(href));
    }

    private static void textElement(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeAttribute("type", "text");
        w.writeCharacters(xmlSafe(text));
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(xmlSafe(text));
        w.writeEndElement();
    }

    private static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String urn(String kind, String id) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("paperwire:" + kind + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Removes what XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean loneSurrogate = Character.isSurrogate(text.charAt(i)) && Character.charCount(cp) == 1;
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (allowed && !loneSurrogate) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
