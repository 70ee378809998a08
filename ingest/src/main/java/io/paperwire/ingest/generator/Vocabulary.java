package io.paperwire.ingest.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word lists and templates of {@code vocabulary.properties}, loaded once and compiled into arrays so that
 * generation does no parsing or map look-ups per paper.
 */
final class Vocabulary {

    /** One subject field: its categories and the words its papers use. */
    record Field(String name, String[] categories, String[] cross, String[] tasks, String[] methods, String[] objects,
            String[] properties, String[] datasets) {
    }

    /** A template split into literal text and slots, e.g. "On the ", {property}, " of ", {object}. */
    record Template(String[] literals, Slot[] slots) {
    }

    enum Slot { TASK, METHOD, OBJECT, PROPERTY, ADJ, ACRONYM, DATASET, NUMBER, PERCENT, MATH, FIELD }

    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)\\}");

    final Field[] fields;
    final String[] adjectives;
    final String acronymLetters;
    final String[] latex;
    final Template[] titles;
    final Template[][] sentences;
    final String[] givenNames;
    final String[] givenInitials;
    final String[] familyNames;
    final String[] familyNamesTex;
    final String[] affiliations;
    final String[] journals;
    final String[] extraComments;
    final String[] licenses;

    private Vocabulary(Properties p) {
        String[] fieldNames = list(p, "fields");
        fields = new Field[fieldNames.length];
        for (int i = 0; i < fieldNames.length; i++) {
            String prefix = "field." + fieldNames[i] + ".";
            fields[i] = new Field(fieldNames[i], list(p, prefix + "categories"), list(p, prefix + "cross"),
                    list(p, prefix + "tasks"), list(p, prefix + "methods"), list(p, prefix + "objects"),
                    list(p, prefix + "properties"), list(p, prefix + "datasets"));
        }
        adjectives = list(p, "adjectives");
        acronymLetters = required(p, "acronym.letters");
        latex = list(p, "latex");
        titles = templates(list(p, "titles"));
        String[] kinds = {"context", "gap", "contribution", "detail", "result", "closing"};
        sentences = new Template[kinds.length][];
        for (int i = 0; i < kinds.length; i++) {
            sentences[i] = templates(list(p, "sentences." + kinds[i]));
        }
        givenNames = list(p, "given.names");
        givenInitials = list(p, "given.initials");
        familyNames = list(p, "family.names");
        familyNamesTex = list(p, "family.names.tex");
        affiliations = list(p, "affiliations");
        journals = list(p, "journals");
        extraComments = list(p, "comments.extra");
        licenses = list(p, "licenses");
    }

    static Vocabulary load() {
        try (InputStream in = Vocabulary.class.getResourceAsStream("vocabulary.properties")) {
            if (in == null) {
                throw new IllegalStateException("vocabulary.properties is missing from the classpath");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return new Vocabulary(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary.properties", e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("vocabulary.properties lacks " + key);
        }
        return value.strip();
    }

    private static String[] list(Properties p, String key) {
        String[] items = required(p, key).split("\\|");
        for (int i = 0; i < items.length; i++) {
            items[i] = items[i].strip();
        }
        return items;
    }

    private static Template[] templates(String[] texts) {
        Template[] compiled = new Template[texts.length];
        Map<String, Slot> slots = Map.ofEntries(Map.entry("task", Slot.TASK), Map.entry("method", Slot.METHOD),
                Map.entry("object", Slot.OBJECT), Map.entry("property", Slot.PROPERTY), Map.entry("adj", Slot.ADJ),
                Map.entry("acronym", Slot.ACRONYM), Map.entry("dataset", Slot.DATASET),
                Map.entry("number", Slot.NUMBER), Map.entry("percent", Slot.PERCENT), Map.entry("math", Slot.MATH),
                Map.entry("field", Slot.FIELD));
        for (int i = 0; i < texts.length; i++) {
            List<String> literals = new ArrayList<>();
            List<Slot> found = new ArrayList<>();
            Matcher matcher = SLOT.matcher(texts[i]);
            int last = 0;
            while (matcher.find()) {
                Slot slot = slots.get(matcher.group(1));
                if (slot == null) {
                    throw new IllegalStateException("unknown slot {" + matcher.group(1) + "} in: " + texts[i]);
                }
                literals.add(texts[i].substring(last, matcher.start()));
                found.add(slot);
                last = matcher.end();
            }
            literals.add(texts[i].substring(last));
            compiled[i] = new Template(literals.toArray(String[]::new), found.toArray(Slot[]::new));
        }
        return compiled;
    }

    static <T> T pick(SplittableRandom random, T[] items) {
        return items[random.nextInt(items.length)];
    }
}
