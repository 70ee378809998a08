package io.paperwire.notify.matching;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields a subscription query may name, plus the hidden {@link #TEXT} field that bare terms search.
 *
 * <p>{@code TEXT} holds title, abstract and keywords one after the other (with a position gap, so a phrase never
 * spans two of them): a bare term {@code transformer} is one term on one field instead of three, which keeps the
 * stored queries small. Users cannot name it; {@link SubscriptionQuery} refuses {@code text:}.
 */
public enum PaperField {
    TITLE("title", true),
    ABSTRACT("abstract", true),
    KEYWORDS("keywords", true),
    TAGS("tags", true),
    AUTHORS("authors", true),
    CATEGORIES("categories", true),
    /** Title, abstract and keywords together: the default field of bare query terms. */
    TEXT("text", false);

    private final String fieldName;
    private final boolean queryable;

    PaperField(String fieldName, boolean queryable) {
        this.fieldName = fieldName;
        this.queryable = queryable;
    }

    /** The Lucene field name. */
    public String fieldName() {
        return fieldName;
    }

    /** Whether a user may name this field in a query. */
    public boolean queryable() {
        return queryable;
    }

    /** The field a user may name, by its (case-insensitive) name. */
    public static Optional<PaperField> queryableByName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.queryable && f.fieldName.equals(lower)).findFirst();
    }

    /** The field with this exact Lucene field name. */
    public static Optional<PaperField> byFieldName(String fieldName) {
        return Optional.ofNullable(BY_FIELD_NAME.get(fieldName));
    }

    /** The field with this exact Lucene field name, or null; a map look-up, for the matching loop. */
    static PaperField ofFieldName(String fieldName) {
        // A switch rather than the map: this runs for every term of every candidate query.
        return switch (fieldName) {
            case "title" -> TITLE;
            case "abstract" -> ABSTRACT;
            case "keywords" -> KEYWORDS;
            case "tags" -> TAGS;
            case "authors" -> AUTHORS;
            case "categories" -> CATEGORIES;
            case "text" -> TEXT;
            default -> null;
        };
    }

    private static final Map<String, PaperField> BY_FIELD_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(PaperField::fieldName, f -> f));

    /**
     * The field of the presearcher's document in which a stored query's term of this field is looked for, when
     * the presearch fields are folded ({@link PaperMatcher}'s default): title, abstract and keywords are all in
     * {@link #TEXT} with the same analysis, so their terms are looked for there, which keeps the paper's
     * presearch document at one field for its text instead of four. The presearcher may then let through a query
     * whose term is in the abstract but not the title; the exact check after it decides.
     */
    PaperField presearchField() {
        return switch (this) {
            case TITLE, ABSTRACT, KEYWORDS, TEXT -> TEXT;
            default -> this;
        };
    }

    /** {@link #presearchField()} by Lucene field name; names that are not a paper field stay as they are. */
    static String presearchFieldName(String fieldName) {
        PaperField field = BY_FIELD_NAME.get(fieldName);
        return field == null ? fieldName : field.presearchField().fieldName;
    }

    /** The names users may write, for error messages. */
    public static String queryableNames() {
        return String.join(", ", Arrays.stream(values()).filter(PaperField::queryable).map(PaperField::fieldName)
                .toList());
    }
}
