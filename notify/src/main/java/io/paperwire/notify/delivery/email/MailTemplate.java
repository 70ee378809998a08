package io.paperwire.notify.delivery.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny text template: literal text with {@code {{name}}} placeholders, nothing else (no logic, no loops; lists
 * are rendered item by item in Java and passed in as a {@link Rendered} fragment).
 *
 * <p>In an {@link Syntax#HTML} template every plain {@code String} value is HTML-escaped on the way in; only a
 * {@link Rendered} fragment, the output of another HTML template, goes in as it is. Escaping is therefore the
 * default and cannot be forgotten. A {@link Syntax#TEXT} template inserts values as they are.
 * A placeholder without a value is an error, so a typo cannot ship a mail with a hole in it.
 */
public final class MailTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9_]*)}}");

    /** How values are inserted. */
    public enum Syntax {
        /** Values are HTML-escaped. */
        HTML,
        /** Values are inserted verbatim. */
        TEXT
    }

    /** Output of a template, safe to insert into a template of the same syntax without escaping. */
    public record Rendered(Syntax syntax, String text) {
        public Rendered {
            Objects.requireNonNull(syntax, "syntax");
            Objects.requireNonNull(text, "text");
        }

        /** The empty fragment: an optional part that is absent. */
        public static Rendered empty(Syntax syntax) {
            return new Rendered(syntax, "");
        }

        /** Joins fragments of one syntax with a separator given as plain text (escaped for HTML). */
        public static Rendered join(Syntax syntax, List<Rendered> parts, String separator) {
            String escapedSeparator = syntax == Syntax.HTML ? HtmlText.escape(separator) : separator;
            StringBuilder out = new StringBuilder();
            for (Rendered part : parts) {
                if (part.syntax != syntax) {
                    throw new IllegalArgumentException("cannot join a " + part.syntax + " fragment into " + syntax);
                }
                if (!part.text.isEmpty()) {
                    if (out.length() > 0) {
                        out.append(escapedSeparator);
                    }
                    out.append(part.text);
                }
            }
            return new Rendered(syntax, out.toString());
        }
    }

    private final String name;
    private final Syntax syntax;
    private final List<String> literals;
    private final List<String> placeholders;

    private MailTemplate(String name, Syntax syntax, String source) {
        this.name = name;
        this.syntax = syntax;
        this.literals = new ArrayList<>();
        this.placeholders = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(source);
        int from = 0;
        while (matcher.find()) {
            literals.add(source.substring(from, matcher.start()));
            placeholders.add(matcher.group(1));
            from = matcher.end();
        }
        literals.add(source.substring(from));
        String literalText = String.join("", literals);
        int stray = literalText.indexOf("{{");
        if (stray >= 0) {
            throw new IllegalArgumentException("template " + name + " has a malformed placeholder near '"
                    + literalText.substring(stray, Math.min(stray + 20, literalText.length())) + "': use {{name}}");
        }
    }

    /** A template from a string; {@code name} is used in error messages. */
    public static MailTemplate of(String name, Syntax syntax, String source) {
        return new MailTemplate(name, syntax, source);
    }

    /** Loads a UTF-8 template from the class path, relative to this package (e.g. {@code instant.html}). */
    public static MailTemplate load(String resource, Syntax syntax) {
        try (InputStream in = MailTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no template " + resource + " next to "
                        + MailTemplate.class.getPackageName());
            }
            return new MailTemplate(resource, syntax, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }

    public Syntax syntax() {
        return syntax;
    }

    /** The placeholder names, sorted. */
    public Set<String> placeholders() {
        return new TreeSet<>(placeholders);
    }

    /**
     * Fills the placeholders. Values are {@code String} (escaped in HTML), {@link Rendered} of the same syntax
     * (inserted as is) or any other object (its {@code toString()}, escaped in HTML).
     *
     * @throws IllegalArgumentException when a placeholder has no value or a fragment has the wrong syntax
     */
    public Rendered render(Map<String, ?> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < placeholders.size(); i++) {
            out.append(literals.get(i));
            String key = placeholders.get(i);
            if (!values.containsKey(key) || values.get(key) == null) {
                throw new IllegalArgumentException("template " + name + " needs a value for {{" + key + "}}");
            }
            out.append(insertable(key, values.get(key)));
        }
        out.append(literals.get(literals.size() - 1));
        return new Rendered(syntax, out.toString());
    }

    private String insertable(String key, Object value) {
        if (value instanceof Rendered rendered) {
            if (rendered.syntax() != syntax) {
                throw new IllegalArgumentException("template " + name + " got a " + rendered.syntax()
                        + " fragment for {{" + key + "}}");
            }
            return rendered.text();
        }
        String text = value.toString();
        return syntax == Syntax.HTML ? HtmlText.escape(text) : text;
    }
}
