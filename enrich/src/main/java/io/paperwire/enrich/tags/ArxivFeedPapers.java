package io.paperwire.enrich.tags;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the papers of an arXiv announcement feed ({@code rss.arxiv.org/rss/…}, RSS 2.0) for
 * {@link SubjectPriorGenerator}. Input: the feed file. Output: one {@link LabelledPaper} per {@code <item>} with
 * its title, the abstract (the part of {@code <description>} after {@code "Abstract: "}; the part before it is
 * {@code "arXiv:ID Announce Type: …"}), and its {@code <category>} elements in feed order, primary first. The id is
 * the {@code <guid>} ({@code oai:arXiv.org:IDvN}). Items without categories or without text are left out and
 * counted in {@link Feed#skipped()}. This is not the ingest module's feed reader (enrich does not depend on
 * ingest); it knows only what the prior needs.
 */
final class ArxivFeedPapers {

    private static final String ABSTRACT_MARK = "Abstract:";

    private ArxivFeedPapers() {
    }

    /** The papers of a feed and the number of items that could not be used. */
    record Feed(List<LabelledPaper> papers, int skipped) {
        Feed {
            papers = List.copyOf(papers);
        }
    }

    /**
     * Reads a feed file.
     *
     * @throws IOException when the file cannot be read or is not well-formed XML (the message names the file)
     */
    static Feed read(Path feed) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        List<LabelledPaper> papers = new ArrayList<>();
        int skipped = 0;
        try (InputStream in = Files.newInputStream(feed)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            String title = null;
            String description = null;
            String guid = null;
            List<String> categories = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && inNoNamespace(xml)) {
                    String name = xml.getLocalName();
                    if (name.equals("item")) {
                        title = null;
                        description = null;
                        guid = null;
                        categories = new ArrayList<>();
                    } else if (categories != null) {
                        switch (name) {
                            case "title" -> title = xml.getElementText().trim();
                            case "description" -> description = xml.getElementText();
                            case "guid" -> guid = xml.getElementText().trim();
                            case "category" -> categories.add(xml.getElementText().trim());
                            default -> { }
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("item")
                        && categories != null) {
                    String abstractText = abstractOf(description);
                    boolean hasText = (title != null && !title.isBlank()) || !abstractText.isBlank();
                    if (hasText && !categories.isEmpty()) {
                        papers.add(new LabelledPaper(guid == null ? "" : guid, title == null ? "" : title,
                                abstractText, categories));
                    } else {
                        skipped++;
                    }
                    categories = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException(feed + " is not a readable RSS feed: " + e.getMessage(), e);
        }
        return new Feed(papers, skipped);
    }

    /** RSS 2.0's own elements have no namespace; {@code dc:creator}, {@code arxiv:announce_type} have one. */
    private static boolean inNoNamespace(XMLStreamReader xml) {
        String namespace = xml.getNamespaceURI();
        return namespace == null || namespace.isEmpty();
    }

    /** The abstract inside an item's description: the text after "Abstract:", or all of it without the mark. */
    static String abstractOf(String description) {
        if (description == null) {
            return "";
        }
        int mark = description.indexOf(ABSTRACT_MARK);
        return (mark < 0 ? description : description.substring(mark + ABSTRACT_MARK.length())).trim();
    }
}
