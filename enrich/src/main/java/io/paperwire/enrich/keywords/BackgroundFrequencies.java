package io.paperwire.enrich.keywords;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The document-frequency table shipped with the project ({@code background-df.tsv} next to this class), counted
 * by {@link BackgroundTableGenerator} over real arXiv abstracts: for each normalised word and candidate phrase, in
 * how many of those documents it occurs. Only counts are shipped, never text. Immutable and thread-safe.
 *
 * <p>Format, UTF-8, one entry a line: lines starting with {@code #} are comments; {@code @docCount<TAB>n} gives
 * the number of documents; every other line is {@code normalized term<TAB>count}, sorted by term. A term that
 * is absent was never seen.
 */
public final class BackgroundFrequencies {

    /** Name of the shipped table, a class-path resource in this package. */
    public static final String RESOURCE = "background-df.tsv";

    private static final String DOC_COUNT_KEY = "@docCount";

    private final long docCount;
    private final Map<String, Long> counts;

    BackgroundFrequencies(long docCount, Map<String, Long> counts) {
        if (docCount < 0) {
            throw new IllegalArgumentException("docCount must not be negative: " + docCount);
        }
        this.docCount = docCount;
        this.counts = Map.copyOf(counts);
    }

    /** An empty table: no documents, every count 0. */
    public static BackgroundFrequencies empty() {
        return new BackgroundFrequencies(0, Map.of());
    }

    /**
     * Loads the shipped table from the class path.
     *
     * @throws IllegalStateException when the resource is missing or malformed
     */
    public static BackgroundFrequencies load() {
        try (InputStream in = BackgroundFrequencies.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource io/paperwire/enrich/keywords/" + RESOURCE
                        + " is missing; regenerate it with " + BackgroundTableGenerator.class.getName());
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    /**
     * Reads a table in the format above.
     *
     * @param source names the input in error messages
     * @throws IllegalStateException naming the line when the input is malformed
     */
    public static BackgroundFrequencies read(Reader reader, String source) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        Map<String, Long> counts = new HashMap<>();
        Long docCount = null;
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab <= 0) {
                throw new IllegalStateException(source + " line " + number + ": expected 'term<TAB>count' but got '"
                        + line + "'");
            }
            long count;
            try {
                count = Long.parseLong(line.substring(tab + 1));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(source + " line " + number + ": count is not a number: '"
                        + line.substring(tab + 1) + "'", e);
            }
            if (count < 0) {
                throw new IllegalStateException(source + " line " + number + ": negative count " + count);
            }
            String term = line.substring(0, tab);
            if (term.equals(DOC_COUNT_KEY)) {
                docCount = count;
            } else if (counts.put(term, count) != null) {
                throw new IllegalStateException(source + " line " + number + ": term '" + term + "' appears twice");
            }
        }
        if (docCount == null) {
            throw new IllegalStateException(source + ": no '" + DOC_COUNT_KEY + "<TAB>n' line");
        }
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getValue() > docCount) {
                throw new IllegalStateException(source + ": term '" + entry.getKey() + "' counted in "
                        + entry.getValue() + " documents but there are only " + docCount);
            }
        }
        return new BackgroundFrequencies(docCount, counts);
    }

    /** Writes counts in the format above, sorted by term so the file is reproducible. */
    static void write(Writer out, String description, long docCount, Map<String, Long> counts) throws IOException {
        Objects.requireNonNull(description, "description");
        for (String line : description.split("\n")) {
            out.write("# " + line + "\n");
        }
        out.write(DOC_COUNT_KEY + "\t" + docCount + "\n");
        for (Map.Entry<String, Long> entry : new TreeMap<>(counts).entrySet()) {
            out.write(entry.getKey() + "\t" + entry.getValue() + "\n");
        }
    }

    /** Number of documents the table was counted over. */
    public long docCount() {
        return docCount;
    }

    /** Number of documents that contained the normalised term; 0 when absent. */
    public long df(String normalizedTerm) {
        return counts.getOrDefault(normalizedTerm, 0L);
    }

    /** Number of terms in the table. */
    public int size() {
        return counts.size();
    }
}
