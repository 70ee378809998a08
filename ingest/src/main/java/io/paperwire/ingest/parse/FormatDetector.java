package io.paperwire.ingest.parse;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Guesses the format of a saved response or file from its first bytes (never from its name), so that
 * {@code paperwire ingest file PATH} takes any format paperwire reads.
 *
 * <p>Rules, on the first 16 KiB with a byte-order mark and leading whitespace skipped: an XML document whose root is
 * {@code OAI-PMH} is OAI-PMH; {@code rss} is the announcement feed; {@code feed} is the API when it carries
 * {@code opensearch} paging or an {@code arxiv.org/api} id, otherwise the feed's Atom variant (its entries carry
 * {@code arxiv:announce_type}); a JSON array is Hugging Face daily papers; a JSON object on the first line is the
 * snapshot's JSON Lines. Anything else (an HTML error page, binary data) is unknown.
 */
public final class FormatDetector {

    private static final int SNIFF_BYTES = 16 * 1024;

    private FormatDetector() {
    }

    /** The format of a file, or empty when it is none of the known ones. */
    public static Optional<SourceFormat> detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in.readNBytes(SNIFF_BYTES));
        }
    }

    /**
     * The format of a stream, which must support mark/reset (wrap it in a {@link BufferedInputStream}); the stream is
     * reset to where it stood, ready for the parser.
     */
    public static Optional<SourceFormat> detect(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("the stream must support mark/reset; wrap it in a BufferedInputStream");
        }
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        return detect(head);
    }

    /** The format of a document that begins with these bytes. */
    public static Optional<SourceFormat> detect(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int at = 0;
        if (text.startsWith("\uFEFF")) {
            at = 1;
        }
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at >= text.length()) {
            return Optional.empty();
        }
        char first = text.charAt(at);
        if (first == '[') {
            return Optional.of(SourceFormat.HF_DAILY);
        }
        if (first == '{') {
            return looksLikeSnapshotLine(text.substring(at)) ? Optional.of(SourceFormat.SNAPSHOT_JSON_LINES)
                    : Optional.empty();
        }
        if (first != '<') {
            return Optional.empty();
        }
        String root = rootElement(text, at);
        if (root == null) {
            return Optional.empty();
        }
        String local = root.contains(":") ? root.substring(root.indexOf(':') + 1) : root;
        switch (local) {
            case "OAI-PMH":
                return Optional.of(SourceFormat.OAI_PMH);
            case "rss":
                return Optional.of(SourceFormat.ARXIV_FEED);
            case "feed":
                boolean api = text.contains("opensearch") || text.contains("arxiv.org/api/");
                boolean announcement = text.contains("announce_type") || text.contains("rss.arxiv.org");
                if (announcement && !text.contains("opensearch")) {
                    return Optional.of(SourceFormat.ARXIV_FEED);
                }
                return api ? Optional.of(SourceFormat.ARXIV_API) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** The first element name after the prolog (XML declaration, comments, processing instructions). */
    private static String rootElement(String text, int from) {
        int at = from;
        while (at < text.length()) {
            int open = text.indexOf('<', at);
            if (open < 0 || open + 1 >= text.length()) {
                return null;
            }
            char next = text.charAt(open + 1);
            if (next == '?' || next == '!') {
                int close = text.indexOf('>', open);
                if (close < 0) {
                    return null;
                }
                at = close + 1;
                continue;
            }
            int end = open + 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>'
                    && text.charAt(end) != '/') {
                end++;
            }
            return text.substring(open + 1, end);
        }
        return null;
    }

    private static boolean looksLikeSnapshotLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.contains("\"id\"") && (line.contains("\"abstract\"") || line.contains("\"authors_parsed\"")
                || line.contains("\"categories\""));
    }
}
