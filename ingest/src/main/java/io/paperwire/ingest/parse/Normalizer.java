package io.paperwire.ingest.parse;

import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The normalisation rules every parser applies, so that one paper reads the same whichever source saw it: whitespace
 * and hard line breaks folded, Unicode NFC, LaTeX and markup kept as written (with an optional plain-text rendering),
 * author lists split into names, categories with the primary first, and a content hash of a version's metadata.
 * Mojibake ({@code WÃ¼bben}) is left as recorded: it cannot be told apart from a real name with certainty.
 */
public final class Normalizer {

    private static final Pattern NUMERIC_REFERENCES = Pattern.compile("[\\d\\s,;&*]+|[\\d\\s,]*\\d\\s+and\\s+\\d[\\d\\s,]*");
    private static final Pattern NUMBERED_AFFILIATION = Pattern.compile(
            "\\(\\s*(\\d+)\\s*\\)\\s*(.*?)\\s*(?=[,;]?\\s*\\(\\s*\\d+\\s*\\)|$)");
    private static final Pattern DASHED_AFFILIATION = Pattern.compile("(\\d+)\\s*-\\s*([^;]+)");
    private static final Set<String> NAME_SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");
    private static final Pattern TEX_ACCENT = Pattern.compile(
            "\\{?\\\\(['`^\"~=.])\\s*\\{?\\\\?([A-Za-z])\\}?\\}?|\\{?\\\\([uvHckr])\\s*\\{\\\\?([A-Za-z])\\}\\}?");
    private static final Map<String, Character> COMBINING_MARKS = Map.ofEntries(
            Map.entry("'", '\u0301'), Map.entry("`", '\u0300'), Map.entry("^", '\u0302'), Map.entry("\"", '\u0308'),
            Map.entry("~", '\u0303'), Map.entry("=", '\u0304'), Map.entry(".", '\u0307'), Map.entry("u", '\u0306'),
            Map.entry("v", '\u030C'), Map.entry("H", '\u030B'), Map.entry("c", '\u0327'), Map.entry("k", '\u0328'),
            Map.entry("r", '\u030A'));
    private static final Pattern TEX_FONT_COMMAND = Pattern.compile(
            "\\\\(?:textbf|textit|textrm|texttt|emph|mathrm|mathbf|mathcal|mathbb|mathit|mathsf|text|operatorname|"
                    + "boldsymbol|bm|it|bf|rm|sl|sc|tt|em|cal)\\b\\s*");
    private static final Pattern TEX_SYMBOL = Pattern.compile("\\\\([A-Za-z]+)");
    private static final Map<String, String> TEX_SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"), Map.entry("mu", "μ"),
            Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("varphi", "φ"),
            Map.entry("chi", "χ"), Map.entry("psi", "ψ"), Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"),
            Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"), Map.entry("Sigma", "Σ"),
            Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"), Map.entry("infty", "∞"),
            Map.entry("times", "×"), Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("leq", "≤"),
            Map.entry("le", "≤"), Map.entry("geq", "≥"), Map.entry("ge", "≥"), Map.entry("sim", "~"),
            Map.entry("approx", "≈"), Map.entry("pm", "±"), Map.entry("cdot", "·"), Map.entry("ell", "ℓ"),
            Map.entry("partial", "∂"), Map.entry("nabla", "∇"), Map.entry("sqrt", "√"), Map.entry("ss", "ß"),
            Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("aa", "å"), Map.entry("AA", "Å"), Map.entry("l", "ł"),
            Map.entry("L", "Ł"), Map.entry("ae", "æ"), Map.entry("AE", "Æ"), Map.entry("i", "ı"),
            Map.entry("LaTeX", "LaTeX"), Map.entry("TeX", "TeX"));

    /** U+0300, the first character whose NFC quick-check is not "yes": text below it needs no composition. */
    private static final char FIRST_COMPOSING_CHAR = '\u0300';

    private Normalizer() {
    }

    /**
     * Folds every run of whitespace (spaces, tabs, hard line breaks, other Unicode spaces) into one space, strips the
     * ends and composes to Unicode NFC. Markup and LaTeX are kept as written. Null stays null.
     */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        int length = raw.length();
        // fast path: no change while the text has no space other than single ' ' between words
        int i = 0;
        char highest = 0;
        for (; i < length; i++) {
            char c = raw.charAt(i);
            if (c == ' ') {
                if (i == 0 || i + 1 == length || isAnySpace(raw.charAt(i + 1))) {
                    break;
                }
            } else if (c <= ' ' ? isAsciiSpace(c) : c > 127 && isUnicodeSpace(c)) {
                break;
            }
            highest = c > highest ? c : highest;
        }
        String result;
        if (i == length) {
            result = raw;
        } else {
            char[] folded = new char[length];
            raw.getChars(0, i, folded, 0);
            int size = i;
            boolean pendingSpace = false;
            for (; i < length; i++) {
                char c = raw.charAt(i);
                if (c <= ' ' ? isAsciiSpace(c) : c > 127 && isUnicodeSpace(c)) {
                    pendingSpace = size > 0;
                } else {
                    if (pendingSpace) {
                        folded[size++] = ' ';
                        pendingSpace = false;
                    }
                    folded[size++] = c;
                    highest = c > highest ? c : highest;
                }
            }
            result = new String(folded, 0, size);
        }
        // no character below U+0300 (the first combining mark) takes part in composition: such text is NFC already
        if (highest < FIRST_COMPOSING_CHAR
                || java.text.Normalizer.isNormalized(result, java.text.Normalizer.Form.NFC)) {
            return result;
        }
        return java.text.Normalizer.normalize(result, java.text.Normalizer.Form.NFC);
    }

    /** Like {@link #text(String)}, but blank text becomes null (for optional fields such as comments and DOI). */
    public static String optionalText(String raw) {
        String value = text(raw);
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean isAnySpace(char c) {
        return c <= ' ' ? isAsciiSpace(c) : c > 127 && isUnicodeSpace(c);
    }

    /** The ASCII whitespace folded by {@link #text}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u000B' || c == '\f';
    }

    private static boolean isUnicodeSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * A plain-text rendering of text with LaTeX: TeX accents composed ({@code Bal\'azs} to {@code Balázs}), font
     * commands and math delimiters dropped, common symbols replaced ({@code \alpha} to α), braces removed. Meant for
     * display and matching, never as the record of what the source wrote.
     */
    public static String plainText(String latex) {
        if (latex == null) {
            return null;
        }
        if (latex.indexOf('\\') < 0 && latex.indexOf('$') < 0 && latex.indexOf('{') < 0) {
            return text(latex);
        }
        String value = composeTexAccents(latex);
        value = TEX_FONT_COMMAND.matcher(value).replaceAll("");
        Matcher symbols = TEX_SYMBOL.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        while (symbols.find()) {
            String replacement = TEX_SYMBOLS.getOrDefault(symbols.group(1), symbols.group(1));
            symbols.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        symbols.appendTail(out);
        value = out.toString().replaceAll("(?<!\\\\)_\\{([^{}]*)\\}|(?<!\\\\)_(\\w)", "$1$2")
                .replace("\\,", " ").replace("\\;", " ").replace("\\!", "").replace("\\&", "&").replace("\\%", "%")
                .replace("\\_", "_").replace("\\$", "\u0000").replace("$", "").replace("\u0000", "$")
                .replace("{", "").replace("}", "").replace("~", " ").replace("``", "\"").replace("''", "\"")
                .replace("\\", "");
        return text(value);
    }

    /** Composes TeX accents such as {@code \'a}, {@code {\"o}}, {@code \v{c}} into Unicode letters, NFC. */
    public static String composeTexAccents(String text) {
        if (text == null || text.indexOf('\\') < 0) {
            return text;
        }
        Matcher matcher = TEX_ACCENT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String accent = matcher.group(1) != null ? matcher.group(1) : matcher.group(3);
            String letter = matcher.group(1) != null ? matcher.group(2) : matcher.group(4);
            String composed = java.text.Normalizer.normalize(letter + COMBINING_MARKS.get(accent),
                    java.text.Normalizer.Form.NFC);
            matcher.appendReplacement(out, Matcher.quoteReplacement(composed));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Splits an author list as arXiv writes it ({@code A. One, B. Two and C. Three}, also {@code ;}) into authors.
     * Parenthesised text after a name is its affiliation ({@code Name (University X)}); numbered references
     * ({@code Name (1,2)}) are resolved against a trailing block such as {@code ((1) Univ X, (2) Univ Y)} or
     * {@code (1 - Univ X; 2 - Univ Y)}. {@code et al} is dropped, {@code Jr.}/{@code III} stay with the name before.
     * Names are kept as written (TeX accents such as {@code Bal\'azs} included), whitespace folded.
     */
    public static List<Author> authorList(String raw) {
        String value = text(raw);
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        List<String> segments = topLevelSegments(value);
        List<String> names = new ArrayList<>();
        List<String> affiliations = new ArrayList<>();
        List<List<String>> references = new ArrayList<>();
        Map<String, String> numbered = new java.util.HashMap<>();
        for (String segment : segments) {
            String stripped = segment.strip();
            if (stripped.regionMatches(true, 0, "and ", 0, 4)) {
                stripped = stripped.substring(4).strip();
            }
            StringBuilder name = new StringBuilder();
            List<String> groups = new ArrayList<>();
            splitParentheses(stripped, name, groups);
            String plainName = text(name.toString());
            String affiliation = null;
            List<String> refs = new ArrayList<>();
            for (String group : groups) {
                String inner = group.strip();
                if (inner.isEmpty()) {
                    continue;
                }
                if (NUMERIC_REFERENCES.matcher(inner).matches()) {
                    for (String ref : inner.split("[^\\d]+")) {
                        if (!ref.isEmpty()) {
                            refs.add(ref);
                        }
                    }
                } else if (readNumberedAffiliations(inner, numbered)) {
                    continue;
                } else {
                    affiliation = affiliation == null ? text(inner) : affiliation + "; " + text(inner);
                }
            }
            if (plainName.isEmpty()) {
                continue;
            }
            String lower = plainName.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("et al") || lower.equals("et al.") || lower.equals("et. al.")) {
                continue;
            }
            if (NAME_SUFFIXES.contains(lower) && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + ", " + plainName);
                continue;
            }
            names.add(plainName);
            affiliations.add(affiliation);
            references.add(refs);
        }
        List<Author> authors = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String affiliation = affiliations.get(i);
            if (affiliation == null && !references.get(i).isEmpty() && !numbered.isEmpty()) {
                List<String> resolved = new ArrayList<>();
                for (String ref : references.get(i)) {
                    String found = numbered.get(ref);
                    if (found != null) {
                        resolved.add(found);
                    }
                }
                affiliation = resolved.isEmpty() ? null : String.join("; ", resolved);
            }
            authors.add(new Author(names.get(i), affiliation));
        }
        return authors;
    }

    private static boolean readNumberedAffiliations(String inner, Map<String, String> into) {
        if (inner.startsWith("(")) {
            Matcher matcher = NUMBERED_AFFILIATION.matcher(inner);
            boolean any = false;
            while (matcher.find()) {
                String text = text(matcher.group(2).replaceAll("[,;.\\s]+$", ""));
                if (!text.isEmpty()) {
                    into.put(matcher.group(1), text);
                    any = true;
                }
            }
            return any;
        }
        if (Character.isDigit(inner.charAt(0))) {
            Matcher matcher = DASHED_AFFILIATION.matcher(inner);
            boolean any = false;
            while (matcher.find()) {
                into.put(matcher.group(1), text(matcher.group(2)));
                any = true;
            }
            return any;
        }
        return false;
    }

    /** Splits at commas, semicolons and the word "and" outside parentheses. */
    private static List<String> topLevelSegments(String value) {
        List<String> segments = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (c == ',' || c == ';')) {
                segments.add(value.substring(start, i));
                start = i + 1;
            } else if (depth == 0 && c == ' ' && value.regionMatches(true, i, " and ", 0, 5)) {
                segments.add(value.substring(start, i));
                start = i + 5;
                i += 4;
            }
        }
        segments.add(value.substring(start));
        return segments;
    }

    /** Separates a segment into the text outside parentheses and each top-level parenthesised group's inner text. */
    private static void splitParentheses(String segment, StringBuilder outside, List<String> groups) {
        int depth = 0;
        int groupStart = -1;
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '(') {
                if (depth == 0) {
                    groupStart = i + 1;
                    outside.append(' ');
                }
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
                if (depth == 0) {
                    groups.add(segment.substring(groupStart, i));
                }
            } else if (depth == 0) {
                outside.append(c);
            }
        }
        if (depth > 0 && groupStart >= 0) {
            groups.add(segment.substring(groupStart));
        }
    }

    /**
     * Authors from the snapshot's {@code authors_parsed} triples {@code [last, first, suffix]}, as
     * {@code first last suffix}.
     */
    public static List<Author> authorsParsed(List<List<String>> parsed) {
        List<Author> authors = new ArrayList<>(parsed.size());
        for (List<String> triple : parsed) {
            String last = triple.size() > 0 ? triple.get(0) : "";
            String first = triple.size() > 1 ? triple.get(1) : "";
            String suffix = triple.size() > 2 ? triple.get(2) : "";
            String name = text((first == null ? "" : first) + " " + (last == null ? "" : last) + " "
                    + (suffix == null ? "" : suffix));
            if (!name.isEmpty()) {
                authors.add(new Author(name, null));
            }
        }
        return authors;
    }

    /** "Last, First" (as oai_dc writes creators) to "First Last"; other names unchanged. */
    public static String firstNameFirst(String name) {
        String value = text(name);
        int comma = value.indexOf(',');
        if (comma < 0 || value.indexOf(',', comma + 1) >= 0) {
            return value;
        }
        String last = value.substring(0, comma).strip();
        String first = value.substring(comma + 1).strip();
        if (first.isEmpty() || NAME_SUFFIXES.contains(first.toLowerCase(java.util.Locale.ROOT))) {
            return value;
        }
        return first + " " + last;
    }

    /** Categories with the primary first and no duplicates; a blank primary means the first listed one. */
    public static List<String> categories(String primary, Collection<String> listed) {
        Set<String> ordered = new LinkedHashSet<>();
        if (primary != null && !primary.isBlank()) {
            ordered.add(primary.strip());
        }
        for (String category : listed) {
            if (category != null && !category.isBlank()) {
                ordered.add(category.strip());
            }
        }
        return List.copyOf(ordered);
    }

    /** The snapshot/arXivRaw category string, space separated, primary first. */
    public static List<String> categories(String spaceSeparated) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return List.of();
        }
        return categories(null, List.of(spaceSeparated.strip().split("\\s+")));
    }

    /**
     * SHA-256 (lower-case hex) of the normalised metadata of one version: title, abstract, author names, categories,
     * DOI, journal reference, comments and license. Key, version, source, links, dates and affiliations are left out,
     * so the same version seen by two sources or twice by one hashes the same when its text is the same.
     */
    public static String contentHash(Paper paper) {
        MessageDigest digest = sha256();
        update(digest, paper.getTitle());
        update(digest, paper.getAbstractText());
        for (Author author : paper.getAuthors()) {
            update(digest, author.getName());
        }
        update(digest, "\u001d");
        for (String category : paper.getCategories()) {
            update(digest, category);
        }
        update(digest, "\u001d");
        update(digest, paper.getDoi());
        update(digest, paper.getJournalRef());
        update(digest, paper.getComments());
        update(digest, paper.getLicense());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String value) {
        if (value != null) {
            digest.update(value.getBytes(StandardCharsets.UTF_8));
        }
        digest.update((byte) 0x1f);
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    });

    private static MessageDigest sha256() {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return digest;
    }
}
