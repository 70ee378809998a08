package io.paperwire.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small immutable element tree for one record (an OAI {@code record}, an Atom {@code entry}, an RSS {@code item}),
 * read from a StAX stream. Text is kept as text: markup that was escaped in the source ({@code &lt;script&gt;}) stays
 * characters, and stray child elements inside a title only contribute their text.
 *
 * @param namespace the namespace URI, empty for none
 * @param name the local name
 * @param attributes attributes by local name
 * @param children child elements in order
 * @param text all character data below this element, in document order
 */
record XmlElement(String namespace, String name, Map<String, String> attributes, List<XmlElement> children,
        String text) {

    /** Reads the element the reader is positioned on (a START_ELEMENT) up to its END_ELEMENT. */
    static XmlElement read(XMLStreamReader reader) throws XMLStreamException {
        String namespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
        String name = reader.getLocalName();
        Map<String, String> attributes;
        int count = reader.getAttributeCount();
        if (count == 0) {
            attributes = Map.of();
        } else {
            java.util.HashMap<String, String> map = new java.util.HashMap<>();
            for (int i = 0; i < count; i++) {
                map.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            attributes = Map.copyOf(map);
        }
        List<XmlElement> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    XmlElement child = read(reader);
                    children.add(child);
                    text.append(child.text);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(namespace, name, attributes, List.copyOf(children), text.toString());
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException(
                        "document ends inside <" + name + ">", reader.getLocation());
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    /** The first child with this local name. */
    XmlElement child(String localName) {
        for (XmlElement child : children) {
            if (child.name.equals(localName)) {
                return child;
            }
        }
        return null;
    }

    /** Every child with this local name. */
    List<XmlElement> children(String localName) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name.equals(localName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The text of the first child with this local name, or null. */
    String childText(String localName) {
        XmlElement child = child(localName);
        return child == null ? null : child.text;
    }

    String attribute(String localName) {
        return attributes.get(localName);
    }
}
