package io.paperwire.ingest.parse;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code arxiv:announce_type} of an announcement feed item: a new submission, a cross-list into the requested
 * archives, a replacement (new version), or a replacement of a cross-listed paper.
 */
public enum AnnounceType {
    NEW("new"),
    CROSS("cross"),
    REPLACE("replace"),
    REPLACE_CROSS("replace-cross");

    private final String feedValue;

    AnnounceType(String feedValue) {
        this.feedValue = feedValue;
    }

    /** The value as written in the feed. */
    public String feedValue() {
        return feedValue;
    }

    /** The type for a feed value such as {@code replace-cross}, ignoring case and surrounding spaces. */
    public static Optional<AnnounceType> fromFeedValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (AnnounceType type : values()) {
            if (type.feedValue.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
