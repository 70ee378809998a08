package io.paperwire.ingest.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.paperwire.schemas.Author;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Parses JSON Lines in the Kaggle {@code arxiv-metadata-oai-snapshot} format, one paper per line, with the fields
 * {@code id, submitter, authors, title, comments, journal-ref, doi, report-no, categories, license, abstract,
 * versions[{version, created}], update_date, authors_parsed}.
 *
 * <p>A paper with versions v1..vN is published as vN: {@code firstPublishedAt} is v1's {@code created},
 * {@code versionPublishedAt} vN's, and the whole history is in {@link ParseResult.ParsedPaper#versions()}. Authors come
 * from the {@code authors} string (TeX accents kept as written); when its split disagrees in number with
 * {@code authors_parsed}, arXiv's own parse is used instead. Categories are space separated, primary first.
 *
 * <p>Files can be large: {@link #lines} streams one line at a time with its byte offsets, so a caller can checkpoint
 * the offset after each line and resume there. Blank lines are skipped; a line longer than
 * {@link ParserSettings#maxLineBytes()} is an error and is skipped to its end.
 */
public final class SnapshotJsonLinesParser implements PaperParser {

    public static final String SOURCE = "file";

    private static final JsonFactory JSON = new JsonFactory();
    private static final int CHUNK = 64 * 1024;

    private final ParserSettings settings;

    public SnapshotJsonLinesParser(ParserSettings settings) {
        this.settings = settings;
    }

    public SnapshotJsonLinesParser() {
        this(ParserSettings.defaults());
    }

    @Override
    public String sourceName() {
        return SOURCE;
    }

    /**
     * The result of one line.
     *
     * @param lineNumber 1-based line number in the file
     * @param byteOffset offset of the line's first byte
     * @param nextByteOffset offset just after the line's newline: where to resume after this line
     * @param result the paper or the error
     */
    public record SnapshotLine(long lineNumber, long byteOffset, long nextByteOffset, ParseResult result) {
    }

    @Override
    public Page parse(InputStream in, String sourceRef) {
        List<ParseResult> results = new ArrayList<>();
        try (Stream<SnapshotLine> lines = lines(in, sourceRef)) {
            lines.forEach(line -> results.add(line.result()));
        }
        return Page.of(results);
    }

    /** Streams the results of a whole file from its start. */
    public Stream<SnapshotLine> lines(InputStream in, String sourceRef) {
        return lines(in, sourceRef, 1, 0);
    }

    /**
     * Streams results one line at a time, lazily. The stream starts reading where {@code in} stands; the caller says
     * which line number and byte offset that is (after resuming from a checkpoint), so positions stay true. A failure
     * to read the stream ends it with one error result.
     */
    public Stream<SnapshotLine> lines(InputStream in, String sourceRef, long firstLineNumber, long firstByteOffset) {
        ParseContext context = new ParseContext(sourceRef, SOURCE, settings);
        Iterator<SnapshotLine> iterator = new LineIterator(in, context, firstLineNumber, firstByteOffset);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Parses one line (without its newline). */
    public ParseResult parseLine(byte[] bytes, int offset, int length, String sourceRef, long lineNumber,
            long byteOffset) {
        return parseLine(new ParseContext(sourceRef, SOURCE, settings), bytes, offset, length, lineNumber, byteOffset);
    }

    private ParseResult parseLine(ParseContext context, byte[] bytes, int offset, int length, long lineNumber,
            long byteOffset) {
        String position = "line " + lineNumber + " (byte offset " + byteOffset + ")";
        SnapshotRecordReader record;
        try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
            record = SnapshotRecordReader.read(parser);
        } catch (JsonProcessingException e) {
            return context.error(position, "malformed JSON: " + e.getOriginalMessage(), copy(bytes, offset, length));
        } catch (IOException | RuntimeException e) {
            return context.error(position, "unreadable line: " + e, copy(bytes, offset, length));
        }
        if (record.found() != null) {
            return context.error(position, "expected a JSON object, found " + record.found(),
                    copy(bytes, offset, length));
        }
        PaperDraft draft;
        try {
            draft = draft(record);
        } catch (RuntimeException e) {
            return context.error(position, "could not read the record: " + e, copy(bytes, offset, length));
        }
        return draft.finish(context, position, context.recordRef(lineNumber), () -> copy(bytes, offset, length));
    }

    private static PaperDraft draft(SnapshotRecordReader record) {
        PaperDraft draft = new PaperDraft();
        draft.rawId = string(record, "id", draft);
        draft.arxivId = ArxivId.parse(draft.rawId).map(id -> new ArxivId(id.id(), java.util.OptionalInt.empty()))
                .orElse(null);
        draft.title = string(record, "title", draft);
        draft.abstractText = string(record, "abstract", draft);
        draft.comments = string(record, "comments", draft);
        draft.journalRef = string(record, "journal-ref", draft);
        draft.doi = string(record, "doi", draft);
        draft.license = string(record, "license", draft);
        draft.categories = new ArrayList<>(Normalizer.categories(string(record, "categories", draft)));
        draft.authors = new ArrayList<>(authors(string(record, "authors", draft), record.authorsParsed()));
        readVersions(record, draft);
        return draft;
    }

    /** The string at {@code field}, null when absent or JSON null; a non-string value is a problem of the draft. */
    private static String string(SnapshotRecordReader record, String field, PaperDraft draft) {
        SnapshotRecordReader.StringValue value = record.string(field);
        if (value == null) {
            return null;
        }
        if (value.otherType() != null && draft.problem == null) {
            draft.problem = "field '" + field + "' is " + value.otherType() + ", expected a string";
        }
        return value.text();
    }

    private static List<Author> authors(String authors, List<List<String>> parsed) {
        List<Author> split = Normalizer.authorList(authors);
        if (parsed == null) {
            return split;
        }
        return split.size() == parsed.size() ? split : Normalizer.authorsParsed(parsed);
    }

    private static void readVersions(SnapshotRecordReader record, PaperDraft draft) {
        if (!record.versionsPresent()) {
            return;
        }
        if (record.versions() == null) {
            draft.problem = draft.problem != null ? draft.problem : "field 'versions' is not an array";
            return;
        }
        List<PaperVersion> versions = new ArrayList<>(record.versions().size());
        for (SnapshotRecordReader.VersionEntry entry : record.versions()) {
            String label = entry.version();
            OptionalInt number = versionNumber(label);
            if (number.isEmpty()) {
                draft.problem = draft.problem != null ? draft.problem
                        : "bad version label '" + PaperDraft.abbreviate(label) + "'";
                return;
            }
            String created = entry.created();
            Optional<Instant> date = SourceTimestamps.parse(created);
            if (!created.isBlank() && date.isEmpty()) {
                draft.problem = draft.problem != null ? draft.problem
                        : "unreadable version date '" + PaperDraft.abbreviate(created) + "'";
                return;
            }
            versions.add(new PaperVersion(number.getAsInt(), date));
        }
        versions.sort(java.util.Comparator.comparingInt(PaperVersion::version));
        draft.versions = versions;
        if (!versions.isEmpty()) {
            draft.firstPublishedAt = versions.get(0).submittedAt().orElse(null);
            draft.versionPublishedAt = versions.get(versions.size() - 1).submittedAt().orElse(null);
        }
    }

    /**
     * The number of a version label as the snapshot writes it ({@code v1}); empty when it is none. The common form
     * {@code v} + 1 to 4 digits is read directly; anything else goes through {@link ArxivId#parse} as an identifier
     * suffix, which is what decides in the end.
     */
    static OptionalInt versionNumber(String label) {
        String value = label.strip();
        int length = value.length();
        if (length >= 2 && length <= 5 && (value.charAt(0) == 'v' || value.charAt(0) == 'V')) {
            int number = 0;
            int i = 1;
            for (; i < length && value.charAt(i) >= '0' && value.charAt(i) <= '9'; i++) {
                number = number * 10 + (value.charAt(i) - '0');
            }
            if (i == length) {
                return number < 1 ? OptionalInt.empty() : OptionalInt.of(number);
            }
        }
        return ArxivId.parse("0000.0000" + value).map(ArxivId::version).orElse(OptionalInt.empty());
    }

    private byte[] copy(byte[] bytes, int offset, int length) {
        int kept = Math.min(length, settings.maxRawBytes());
        byte[] out = new byte[kept];
        System.arraycopy(bytes, offset, out, 0, kept);
        return out;
    }

    /** Splits the stream into lines by hand, tracking byte offsets, and parses each. */
    private final class LineIterator implements Iterator<SnapshotLine> {
        private final InputStream in;
        private final ParseContext context;
        private byte[] buffer = new byte[CHUNK];
        private int start;
        private int end;
        private boolean eof;
        private long lineNumber;
        private long bufferStartOffset;
        private SnapshotLine next;
        private boolean failed;

        LineIterator(InputStream in, ParseContext context, long firstLineNumber, long firstByteOffset) {
            this.in = in;
            this.context = context;
            this.lineNumber = firstLineNumber - 1;
            this.bufferStartOffset = firstByteOffset;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !failed) {
                try {
                    next = advance();
                } catch (IOException e) {
                    failed = true;
                    next = new SnapshotLine(lineNumber + 1, bufferStartOffset + start, bufferStartOffset + start,
                            context.error("line " + (lineNumber + 1), "could not read the input: " + e, new byte[0]));
                } catch (UncheckedIOException e) {
                    failed = true;
                    next = new SnapshotLine(lineNumber + 1, bufferStartOffset + start, bufferStartOffset + start,
                            context.error("line " + (lineNumber + 1), "could not read the input: " + e.getCause(),
                                    new byte[0]));
                }
            }
            return next != null;
        }

        @Override
        public SnapshotLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SnapshotLine line = next;
            next = null;
            return line;
        }

        private SnapshotLine advance() throws IOException {
            while (true) {
                int newline = indexOfNewline(start);
                while (newline < 0 && !eof && end - start < settings.maxLineBytes()) {
                    fill();
                    newline = indexOfNewline(start);
                }
                if (newline < 0 && end - start >= settings.maxLineBytes()) {
                    return tooLong();
                }
                if (newline < 0 && start == end) {
                    return null;
                }
                int lineEnd = newline < 0 ? end : newline;
                int next = newline < 0 ? end : newline + 1;
                lineNumber++;
                long offset = bufferStartOffset + start;
                int contentEnd = lineEnd;
                if (contentEnd > start && buffer[contentEnd - 1] == '\r') {
                    contentEnd--;
                }
                int lineStart = start;
                start = next;
                if (isBlank(lineStart, contentEnd)) {
                    continue;
                }
                ParseResult result = parseLine(context, buffer, lineStart, contentEnd - lineStart, lineNumber, offset);
                return new SnapshotLine(lineNumber, offset, bufferStartOffset + next, result);
            }
        }

        private SnapshotLine tooLong() throws IOException {
            lineNumber++;
            long offset = bufferStartOffset + start;
            byte[] head = copy(buffer, start, Math.min(end - start, settings.maxRawBytes()));
            long skipped = 0;
            int newline;
            while (true) {
                newline = indexOfNewline(start);
                if (newline >= 0) {
                    skipped += newline + 1 - start;
                    start = newline + 1;
                    break;
                }
                skipped += end - start;
                start = end;
                if (eof) {
                    break;
                }
                fill();
            }
            String position = "line " + lineNumber + " (byte offset " + offset + ")";
            ParseResult error = context.error(position, "line longer than the limit of " + settings.maxLineBytes()
                    + " bytes (" + skipped + " bytes skipped to the end of the line)", head);
            return new SnapshotLine(lineNumber, offset, offset + skipped, error);
        }

        private boolean isBlank(int from, int to) {
            for (int i = from; i < to; i++) {
                byte b = buffer[i];
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }

        private int indexOfNewline(int from) {
            for (int i = from; i < end; i++) {
                if (buffer[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        /** Moves the unread bytes to the front (growing the buffer for long lines) and reads more. */
        private void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                bufferStartOffset += start;
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                int grown = (int) Math.min((long) buffer.length * 2, (long) settings.maxLineBytes() + CHUNK);
                buffer = java.util.Arrays.copyOf(buffer, Math.max(grown, buffer.length + CHUNK));
            }
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                eof = true;
            } else {
                end += read;
            }
        }
    }
}
