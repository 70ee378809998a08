package io.paperwire.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one XML response securely and hands its interesting elements to a parser.
 *
 * <p>Input: the bytes of a response (arXiv sends UTF-8). They are decoded first, so that invalid UTF-8 is found by
 * byte offset and line and charged to the record that contains it, while the other records still parse. The StAX
 * parser is the JDK's own, non-validating, with DTDs and external entities switched off (no XXE, no entity
 * expansion). Output: calls to {@link Handler#element} for every element whose path the handler wants (for example
 * {@code /OAI-PMH/ListRecords/record}), each with its line span; a malformed document ends the walk with a
 * {@link Failure} at the line and column where the parser gave up.
 */
final class XmlDocumentWalker {

    /** What a parser does with a wanted element. */
    interface Handler {
        /** True when the element at this path (e.g. {@code /feed/entry}) should be read as a tree. */
        boolean wants(String path);

        void element(String path, XmlElement element, Span span);
    }

    /** Lines {@code firstLine..lastLine} and characters {@code [startChar, endChar)} of an element. */
    record Span(int firstLine, int lastLine, int startChar, int endChar) {
    }

    /** Where and why the document could not be read further. */
    record Failure(int line, int column, String message, int charOffset) {
    }

    /** A byte sequence that is not UTF-8. */
    record InvalidBytes(long byteOffset, int line) {
    }

    private static final XMLInputFactory FACTORY = secureFactory();

    private final String text;
    private final List<InvalidBytes> invalidBytes;
    private final byte[] bytes;

    private XmlDocumentWalker(String text, List<InvalidBytes> invalidBytes, byte[] bytes) {
        this.text = text;
        this.invalidBytes = invalidBytes;
        this.bytes = bytes;
    }

    /** Reads every byte of the input and decodes it as UTF-8, noting every invalid sequence. */
    static XmlDocumentWalker read(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes);
        CharBuffer output = CharBuffer.allocate(bytes.length + 1);
        List<InvalidBytes> invalid = new ArrayList<>();
        while (true) {
            CoderResult result = decoder.decode(input, output, true);
            if (result.isError()) {
                int offset = input.position();
                invalid.add(new InvalidBytes(offset, lineOfByte(bytes, offset)));
                output.put('\uFFFD');
                input.position(offset + result.length());
            } else {
                break;
            }
        }
        decoder.flush(output);
        output.flip();
        String decoded = output.toString();
        if (!decoded.isEmpty() && decoded.charAt(0) == '\uFEFF') {
            decoded = " " + decoded.substring(1);
        }
        return new XmlDocumentWalker(decoded, invalid, bytes);
    }

    private static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The decoded document. */
    String text() {
        return text;
    }

    /** The first characters of the document, for messages about documents of the wrong kind. */
    String head(int chars) {
        String head = text.strip();
        head = head.length() <= chars ? head : head.substring(0, chars) + "…";
        return head.replaceAll("\\s+", " ");
    }

    byte[] bytes() {
        return bytes;
    }

    /** Invalid UTF-8 sequences on lines {@code firstLine..lastLine}. */
    List<InvalidBytes> invalidBytesWithin(int firstLine, int lastLine) {
        List<InvalidBytes> found = new ArrayList<>();
        for (InvalidBytes invalid : invalidBytes) {
            if (invalid.line() >= firstLine && invalid.line() <= lastLine) {
                found.add(invalid);
            }
        }
        return found;
    }

    List<InvalidBytes> invalidBytes() {
        return invalidBytes;
    }

    /** The text of a span as UTF-8 bytes, for the raw field of errors. */
    byte[] raw(Span span) {
        int start = Math.max(0, Math.min(span.startChar(), text.length()));
        int end = Math.max(start, Math.min(span.endChar(), text.length()));
        return text.substring(start, end).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Walks the document, handing wanted elements to the handler; returns the root element's local name and, when the
     * document is malformed, where it stopped.
     */
    WalkOutcome walk(Handler handler) {
        String root = null;
        XMLStreamReader reader = null;
        int lastGoodChar = 0;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(text));
            Deque<String> path = new ArrayDeque<>();
            StringBuilder pathText = new StringBuilder();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    if (root == null) {
                        root = name;
                    }
                    int startLine = reader.getLocation().getLineNumber();
                    int startChar = lastGoodChar;
                    pathText.append('/').append(name);
                    String current = pathText.toString();
                    if (handler.wants(current)) {
                        XmlElement element = XmlElement.read(reader);
                        Location end = reader.getLocation();
                        int endChar = charOffset(end);
                        handler.element(current, element, new Span(startLine, end.getLineNumber(), startChar, endChar));
                        pathText.setLength(pathText.length() - name.length() - 1);
                        lastGoodChar = endChar;
                    } else {
                        path.push(name);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (!path.isEmpty()) {
                        String name = path.pop();
                        pathText.setLength(pathText.length() - name.length() - 1);
                    }
                    lastGoodChar = charOffset(reader.getLocation());
                } else if (event == XMLStreamConstants.DTD) {
                    throw new XMLStreamException("document type declarations are not accepted (DTD found)",
                            reader.getLocation());
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE) {
                    lastGoodChar = charOffset(reader.getLocation());
                }
            }
            return new WalkOutcome(root, null);
        } catch (XMLStreamException | RuntimeException e) {
            Location location = e instanceof XMLStreamException xse && xse.getLocation() != null
                    ? xse.getLocation() : reader == null ? null : reader.getLocation();
            int line = location == null ? -1 : location.getLineNumber();
            int column = location == null ? -1 : location.getColumnNumber();
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // StAX prefixes messages with "ParseError at [row,col]:[..]\nMessage: "
            int marker = message.indexOf("Message: ");
            if (marker >= 0) {
                message = message.substring(marker + "Message: ".length());
            }
            return new WalkOutcome(root, new Failure(line, column, message.strip(), lastGoodChar));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a String frees nothing
                }
            }
        }
    }

    private static int charOffset(Location location) {
        return location == null ? 0 : Math.max(0, location.getCharacterOffset());
    }

    /** The root element's local name (null when none was read) and the failure, when the document is malformed. */
    record WalkOutcome(String root, Failure failure) {
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }
}
