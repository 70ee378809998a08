package io.paperwire.enrich.tags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arXiv category taxonomy: every category code (current, alias and legacy) with its name, archive and group.
 * Input: the tab-separated file {@code arxiv-taxonomy.tsv} shipped next to this class (format described in its
 * header). Output: look-ups by code; a code that is not listed is reported as unknown, never guessed.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ArxivTaxonomy {

    static final String RESOURCE = "arxiv-taxonomy.tsv";

    private final String version;
    private final Map<String, ArxivCategory> categories;
    private final Map<String, String> archiveNames;
    private final Map<String, String> groupNames;

    private ArxivTaxonomy(String version, Map<String, ArxivCategory> categories, Map<String, String> archiveNames,
                          Map<String, String> groupNames) {
        this.version = version;
        this.categories = Collections.unmodifiableMap(categories);
        this.archiveNames = Collections.unmodifiableMap(archiveNames);
        this.groupNames = Collections.unmodifiableMap(groupNames);
    }

    /** The taxonomy shipped with paperwire. */
    public static ArxivTaxonomy load() {
        try (InputStream in = ArxivTaxonomy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath next to "
                        + ArxivTaxonomy.class.getName());
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses a taxonomy in the {@code arxiv-taxonomy.tsv} format.
     *
     * @param sourceName named in error messages
     * @throws IllegalArgumentException naming the line, when a line is malformed or refers to an unknown archive
     */
    public static ArxivTaxonomy parse(Reader reader, String sourceName) throws IOException {
        String version = null;
        Map<String, ArxivCategory> categories = new LinkedHashMap<>();
        Map<String, String> archiveNames = new LinkedHashMap<>();
        Map<String, String> archiveGroups = new LinkedHashMap<>();
        Map<String, String> groupNames = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = sourceName + " line " + number;
            switch (f[0]) {
                case "version" -> {
                    expectFields(f, 2, where);
                    version = f[1].trim();
                }
                case "group" -> {
                    expectFields(f, 3, where);
                    groupNames.put(f[1].trim(), f[2].trim());
                }
                case "archive" -> {
                    expectFields(f, 4, where);
                    String group = f[3].trim();
                    if (!groupNames.containsKey(group)) {
                        throw new IllegalArgumentException(where + ": archive " + f[1] + " names unknown group "
                                + group);
                    }
                    archiveNames.put(f[1].trim(), f[2].trim());
                    archiveGroups.put(f[1].trim(), group);
                }
                case "category" -> {
                    expectFields(f, 6, where);
                    String code = f[1].trim();
                    String archive = f[3].trim();
                    if (!archiveNames.containsKey(archive)) {
                        throw new IllegalArgumentException(where + ": category " + code + " names unknown archive "
                                + archive);
                    }
                    ArxivCategory.Status status;
                    try {
                        status = ArxivCategory.Status.valueOf(f[4].trim().toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(where + ": status must be active, alias or legacy, was "
                                + f[4], e);
                    }
                    String canonical = f[5].trim().equals("-") ? code : f[5].trim();
                    String group = archiveGroups.get(archive);
                    if (categories.put(code, new ArxivCategory(code, f[2].trim(), archive, archiveNames.get(archive),
                            group, groupNames.get(group), status, canonical)) != null) {
                        throw new IllegalArgumentException(where + ": category " + code + " is listed twice");
                    }
                }
                default -> throw new IllegalArgumentException(where + ": unknown record type '" + f[0]
                        + "' (expected version, group, archive or category)");
            }
        }
        if (version == null) {
            throw new IllegalArgumentException(sourceName + ": no 'version' line");
        }
        for (ArxivCategory category : categories.values()) {
            if (!categories.containsKey(category.canonicalCode())) {
                throw new IllegalArgumentException(sourceName + ": " + category.code() + " points to "
                        + category.canonicalCode() + ", which is not listed");
            }
        }
        return new ArxivTaxonomy(version, categories, archiveNames, groupNames);
    }

    private static void expectFields(String[] fields, int count, String where) {
        if (fields.length != count) {
            throw new IllegalArgumentException(where + ": expected " + count + " tab-separated fields, found "
                    + fields.length);
        }
    }

    /** Version of the taxonomy file, e.g. {@code 2024-11}. */
    public String version() {
        return version;
    }

    /** The category of a code (surrounding whitespace ignored), or empty when the code is not listed. */
    public Optional<ArxivCategory> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(categories.get(code.trim()));
    }

    /** Whether the code is listed. */
    public boolean isKnown(String code) {
        return find(code).isPresent();
    }

    /** The archive a code is filed under, or empty when the code is not listed. */
    public Optional<String> archiveOf(String code) {
        return find(code).map(ArxivCategory::archive);
    }

    /** The codes among {@code codes} that are not listed, in their first order, without repeats. */
    public List<String> unknownAmong(Collection<String> codes) {
        LinkedHashSet<String> unknown = new LinkedHashSet<>();
        for (String code : codes) {
            if (!isKnown(code)) {
                unknown.add(code);
            }
        }
        return new ArrayList<>(unknown);
    }

    /** Every listed category, in file order. */
    public Collection<ArxivCategory> categories() {
        return categories.values();
    }

    /** Every archive code, in file order. */
    public Collection<String> archives() {
        return archiveNames.keySet();
    }

    /** The name of an archive code, or empty when the archive is not listed. */
    public Optional<String> archiveName(String archive) {
        return Optional.ofNullable(archiveNames.get(archive));
    }

    /** The name of a group code ({@code physics} → {@code Physics}), or empty when not listed. */
    public Optional<String> groupName(String group) {
        return Optional.ofNullable(groupNames.get(group));
    }
}
