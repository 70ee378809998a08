package io.paperwire.ingest.parse;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier, new style ({@code 2401.01234}, {@code 0704.0001}) or old style ({@code hep-th/9504118},
 * {@code math.GT/0309136}), with the version when the source gave one.
 *
 * @param id the identifier without version
 * @param version the version number from a {@code vN} suffix, when present
 */
public record ArxivId(String id, OptionalInt version) {

    private static final Pattern ID = Pattern.compile(
            "(?:(?:https?://)?(?:export\\.)?arxiv\\.org/(?:abs|pdf)/|oai:arxiv\\.org:|arxiv:)?"
                    + "(\\d{4}\\.\\d{4,5}|[a-z]+(?:-[a-z]+)*(?:\\.[a-z]{2})?/\\d{7})(?:v(\\d{1,4}))?(?:\\.pdf)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OLD_STYLE_SUBJECT = Pattern.compile("([a-z-]+)(\\.[a-z]{2})?/(\\d{7})",
            Pattern.CASE_INSENSITIVE);

    /**
     * Reads an identifier from the forms the sources use: {@code 1707.08567}, {@code 1707.08567v1},
     * {@code http://arxiv.org/abs/1707.08567v1}, {@code oai:arXiv.org:hep-th/9504118}, {@code arXiv:2411.17700v1}.
     * Empty when the text is no arXiv identifier.
     */
    public static Optional<ArxivId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = ID.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String id = matcher.group(1);
        Matcher oldStyle = OLD_STYLE_SUBJECT.matcher(id);
        if (oldStyle.matches()) {
            // archive names are lower case, the subject class suffix upper case: math.GT/0309136
            String subject = oldStyle.group(2) == null ? "" : oldStyle.group(2).toUpperCase(java.util.Locale.ROOT);
            id = oldStyle.group(1).toLowerCase(java.util.Locale.ROOT) + subject + "/" + oldStyle.group(3);
        }
        OptionalInt version = OptionalInt.empty();
        if (matcher.group(2) != null) {
            int number = Integer.parseInt(matcher.group(2));
            if (number < 1) {
                return Optional.empty();
            }
            version = OptionalInt.of(number);
        }
        return Optional.of(new ArxivId(id, version));
    }

    /** The stable paper key: {@code arxiv:<id>} without version. */
    public String key() {
        return "arxiv:" + id;
    }

    /** True for old-style identifiers such as {@code hep-th/9504118}. */
    public boolean oldStyle() {
        return id.indexOf('/') >= 0;
    }
}
