package io.paperwire.ingest.source;

import io.paperwire.ingest.parse.FormatDetector;
import io.paperwire.ingest.parse.Page;
import io.paperwire.ingest.parse.ParseResult;
import io.paperwire.ingest.parse.ParserSettings;
import io.paperwire.ingest.parse.SnapshotJsonLinesParser;
import io.paperwire.ingest.parse.SourceFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Saved files: the Kaggle snapshot's JSON Lines and any response format saved to disk (format told by
 * {@link FormatDetector} from the first bytes). Each path is a file or a directory (its regular, non-hidden files,
 * by name). JSON Lines are read {@link Settings#linesPerBatch()} lines per batch; any other format a whole file per
 * batch. A file whose format is unknown becomes one dead letter.
 *
 * <p>Checkpoint: per file, its absolute path mapped to the byte offset read so far (and {@code <path>#line} to the
 * next line number); a file that shrank below its offset was replaced and is read again. With {@code watch}, the
 * source never catches up: when everything is read it waits (a {@link WatchService} on the directories, at most
 * {@link Settings#watchInterval()}) for new files or appended lines, and only complete lines (ending in a newline)
 * are read from a file that may still be growing.
 */
public final class FileSource implements PaperSource {

    /**
     * @param paths files and directories to read
     * @param watch keep watching the directories for new files and appended lines
     * @param watchInterval longest wait for a file-system event before looking again (default 2 s)
     * @param linesPerBatch JSON lines per batch and transaction (default 1000)
     * @param parserSettings limits for the parsers
     */
    public record Settings(List<Path> paths, boolean watch, Duration watchInterval, int linesPerBatch,
            ParserSettings parserSettings) {
        public Settings {
            paths = paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("give at least one file or directory");
            }
            Objects.requireNonNull(watchInterval, "watchInterval");
            if (linesPerBatch < 1) {
                throw new IllegalArgumentException("linesPerBatch must be positive");
            }
            Objects.requireNonNull(parserSettings, "parserSettings");
        }

        public static Settings of(List<Path> paths, boolean watch) {
            return new Settings(paths, watch, Duration.ofSeconds(2), 1000, ParserSettings.defaults());
        }
    }

    static final String LINE_SUFFIX = "#line";

    private final Settings settings;
    private final SnapshotJsonLinesParser snapshotParser;
    private WatchService watcher;

    public FileSource(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.snapshotParser = new SnapshotJsonLinesParser(settings.parserSettings());
    }

    @Override
    public String id() {
        return "file:" + settings.paths().stream().map(Path::toString).collect(Collectors.joining(","));
    }

    @Override
    public SourceBatch poll(Map<String, String> checkpoint) throws SourceException, InterruptedException {
        for (Path file : files()) {
            String key = file.toString();
            long offset = Long.parseLong(checkpoint.getOrDefault(key, "0"));
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException gone) {
                continue;
            } catch (IOException e) {
                throw new SourceException(id() + ": cannot read the size of " + file + ": " + e, true, e);
            }
            if (offset > size) {
                offset = 0;
                checkpoint = withoutFile(checkpoint, key);
            }
            if (offset < size) {
                Optional<SourceBatch> batch = read(file, offset, size, checkpoint);
                if (batch.isPresent()) {
                    return batch.get();
                }
            }
        }
        if (!settings.watch()) {
            return SourceBatch.empty(id(), checkpoint, true);
        }
        awaitChange();
        return SourceBatch.empty(id(), checkpoint, false);
    }

    /** The next batch of {@code file} after {@code offset}, empty when no complete line is there yet. */
    private Optional<SourceBatch> read(Path file, long offset, long size, Map<String, String> checkpoint)
            throws SourceException {
        String key = file.toString();
        try {
            Optional<SourceFormat> format = FormatDetector.detect(file);
            if (format.isEmpty()) {
                byte[] head = readHead(file, settings.parserSettings().maxRawBytes());
                ParseResult error = new ParseResult.ParseError(key, "byte 0",
                        "unknown format: not OAI-PMH, arXiv API, arXiv feed, Hugging Face daily papers or snapshot "
                                + "JSON Lines (first bytes: " + printable(head) + ")", head);
                return Optional.of(new SourceBatch(key, List.of(error), with(checkpoint, key, size, 1), false));
            }
            if (format.get() != SourceFormat.SNAPSHOT_JSON_LINES) {
                Page page;
                try (InputStream in = Files.newInputStream(file)) {
                    page = format.get().parser(settings.parserSettings()).parse(in, key);
                }
                return Optional.of(new SourceBatch(key, page.results(), with(checkpoint, key, size, 1), false));
            }
            long end = settings.watch() ? completeLinesEnd(file, size) : size;
            if (end <= offset) {
                return Optional.empty();
            }
            long firstLine = Long.parseLong(checkpoint.getOrDefault(key + LINE_SUFFIX, "1"));
            List<ParseResult> results = new ArrayList<>();
            long nextOffset = offset;
            long nextLine = firstLine;
            try (InputStream in = bounded(file, offset, end);
                    Stream<SnapshotJsonLinesParser.SnapshotLine> lines =
                            snapshotParser.lines(in, key, firstLine, offset)) {
                Iterator<SnapshotJsonLinesParser.SnapshotLine> it = lines.iterator();
                while (it.hasNext() && results.size() < settings.linesPerBatch()) {
                    SnapshotJsonLinesParser.SnapshotLine line = it.next();
                    results.add(line.result());
                    nextOffset = line.nextByteOffset();
                    nextLine = line.lineNumber() + 1;
                }
            }
            if (nextOffset == offset) {
                nextOffset = end;
            }
            return Optional.of(new SourceBatch(key, results, with(checkpoint, key, nextOffset, nextLine), false));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SourceException(id() + ": cannot read " + file + ": " + e, true, e);
        }
    }

    private List<Path> files() throws SourceException {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : settings.paths()) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new SourceException(id() + ": cannot list " + path + ": " + e, true, e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (!settings.watch()) {
                throw new SourceException(id() + ": " + path + " is neither a file nor a directory", false);
            }
        }
        return new ArrayList<>(files);
    }

    private void awaitChange() throws InterruptedException, SourceException {
        try {
            if (watcher == null) {
                watcher = FileSystems.getDefault().newWatchService();
                for (Path path : settings.paths()) {
                    Path dir = Files.isDirectory(path) ? path : path.getParent();
                    if (dir != null && Files.isDirectory(dir)) {
                        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY);
                    }
                }
            }
            var key = watcher.poll(settings.watchInterval().toMillis(), TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        } catch (ClosedWatchServiceException e) {
            throw new InterruptedException("the directory watch was closed");
        } catch (IOException e) {
            throw new SourceException(id() + ": cannot watch " + settings.paths() + ": " + e, true, e);
        }
    }

    /** The offset just after the last newline of the file (0 when it has none): where complete lines end. */
    static long completeLinesEnd(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            long end = size;
            while (end > 0) {
                long start = Math.max(0, end - buffer.capacity());
                buffer.clear().limit((int) (end - start));
                channel.read(buffer, start);
                for (int i = (int) (end - start) - 1; i >= 0; i--) {
                    if (buffer.get(i) == '\n') {
                        return start + i + 1;
                    }
                }
                end = start;
            }
            return 0;
        }
    }

    private static InputStream bounded(Path file, long offset, long end) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(offset);
        long[] left = {end - offset};
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                if (left[0] <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left[0]--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left[0] <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left[0]));
                if (n > 0) {
                    left[0] -= n;
                }
                return n;
            }
        };
    }

    private static byte[] readHead(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(Math.max(0, Math.min(max, 4096)));
        }
    }

    private static String printable(byte[] head) {
        String text = new String(head, 0, Math.min(head.length, 40), StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", "?");
        return "\"" + text + "\"";
    }

    private static Map<String, String> with(Map<String, String> checkpoint, String key, long offset, long line) {
        Map<String, String> next = new HashMap<>(checkpoint);
        next.put(key, Long.toString(offset));
        next.put(key + LINE_SUFFIX, Long.toString(line));
        return next;
    }

    private static Map<String, String> withoutFile(Map<String, String> checkpoint, String key) {
        Map<String, String> next = new HashMap<>(checkpoint);
        next.remove(key);
        next.remove(key + LINE_SUFFIX);
        return next;
    }

    @Override
    public void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("closing the directory watch failed", e);
            }
        }
    }
}
