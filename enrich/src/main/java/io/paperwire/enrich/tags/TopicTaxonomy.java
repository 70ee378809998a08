package io.paperwire.enrich.tags;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A versioned list of topics that {@link TopicTagger} looks for. Input: a YAML file (the default one ships as
 * {@code topics.yaml} next to this class; a user's own replaces it through {@link #load(Path)}). Output: the
 * version and the topics. The format is in {@code docs/tags.md}:
 *
 * <pre>
 * version: "2025.1"
 * topics:
 *   - name: mixture of experts
 *     area: machine learning
 *     phrases: [sparse expert model]
 *     synonyms: [sparsely gated experts]
 *     acronyms: [MoE]
 *     categories: [cs.LG, cs.CL]
 * </pre>
 *
 * A file with a missing version, a topic without a name, a repeated name or a field of the wrong shape is refused
 * with a message naming the file and the topic. Immutable.
 */
public final class TopicTaxonomy {

    static final String DEFAULT_RESOURCE = "topics.yaml";
    private static final Set<String> TOPIC_FIELDS =
            Set.of("name", "label", "area", "phrases", "synonyms", "acronyms", "categories");

    private final String version;
    private final List<Topic> topics;

    public TopicTaxonomy(String version, List<Topic> topics) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a topic taxonomy needs a version");
        }
        this.version = version;
        this.topics = List.copyOf(topics);
        Set<String> names = new HashSet<>();
        for (Topic topic : this.topics) {
            if (!names.add(topic.name())) {
                throw new IllegalArgumentException("topic '" + topic.name() + "' is listed twice");
            }
        }
    }

    /** The taxonomy shipped with paperwire. */
    public static TopicTaxonomy loadDefault() {
        try (InputStream in = TopicTaxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing next to "
                        + TopicTaxonomy.class.getName());
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** A user's own taxonomy file, replacing the default. */
    public static TopicTaxonomy load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    /**
     * Parses YAML in the taxonomy format.
     *
     * @param sourceName named in error messages
     * @throws IllegalArgumentException when the YAML is malformed or does not have the taxonomy's shape
     */
    public static TopicTaxonomy parse(Reader reader, String sourceName) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(sourceName + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException(sourceName + ": expected a mapping with 'version' and 'topics'");
        }
        Object version = root.get("version");
        if (version == null || version.toString().isBlank()) {
            throw new IllegalArgumentException(sourceName + ": 'version' is missing");
        }
        if (!(root.get("topics") instanceof List<?> entries) || entries.isEmpty()) {
            throw new IllegalArgumentException(sourceName + ": 'topics' must be a non-empty list");
        }
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            topics.add(topic(entries.get(i), sourceName + " topic #" + (i + 1)));
        }
        try {
            return new TopicTaxonomy(version.toString().trim(), topics);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(sourceName + ": " + e.getMessage(), e);
        }
    }

    private static Topic topic(Object entry, String where) {
        if (!(entry instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException(where + ": expected a mapping with at least 'name'");
        }
        for (Object key : fields.keySet()) {
            if (!TOPIC_FIELDS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(where + ": unknown field '" + key + "' (known: "
                        + new java.util.TreeSet<>(TOPIC_FIELDS) + ")");
            }
        }
        String name = text(fields.get("name"), where + " name");
        if (name == null) {
            throw new IllegalArgumentException(where + ": 'name' is missing");
        }
        name = name.toLowerCase(Locale.ROOT);
        where = where + " (" + name + ")";
        String label = text(fields.get("label"), where + " label");
        String area = text(fields.get("area"), where + " area");
        return new Topic(name, label == null ? capitalise(name) : label, area == null ? "" : area,
                strings(fields.get("phrases"), where + " phrases"),
                strings(fields.get("synonyms"), where + " synonyms"),
                strings(fields.get("acronyms"), where + " acronyms"),
                strings(fields.get("categories"), where + " categories"));
    }

    private static String text(Object value, String where) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException(where + ": expected text, found " + value);
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static List<String> strings(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + ": expected a list like [a, b], found " + value);
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            String text = text(item, where);
            if (text != null) {
                result.add(text);
            }
        }
        return Collections.unmodifiableList(result);
    }

    private static String capitalise(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The version written at the top of the file. */
    public String version() {
        return version;
    }

    /** The topics, in file order. */
    public List<Topic> topics() {
        return topics;
    }
}
