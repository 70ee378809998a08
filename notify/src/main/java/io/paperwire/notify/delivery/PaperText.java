package io.paperwire.notify.delivery;

import io.paperwire.schemas.MatchReason;
import io.paperwire.schemas.Paper;
import java.net.URI;
import java.util.Locale;

/**
 * How paper fields are shown to people, the same in mails, webhooks and feeds: the display title, an abstract
 * shortened at a word boundary, a match reason in words, and which links are fit to show (http and https only).
 * Nothing here escapes: each output format escapes on its own.
 */
public final class PaperText {

    private static final String ELLIPSIS = "…";

    private PaperText() {
    }

    /** The plain-text title when the source gave one, else the title as written. */
    public static String displayTitle(Paper paper) {
        String plain = paper.getTitlePlain();
        return plain != null && !plain.isBlank() ? plain : paper.getTitle();
    }

    /**
     * Returns {@code text} (stripped) when it has at most {@code maxChars} characters; otherwise its longest prefix
     * ending at a word boundary that fits in {@code maxChars} with an ellipsis (a single over-long word is cut).
     */
    public static String shorten(String text, int maxChars) {
        if (maxChars < 2) {
            throw new IllegalArgumentException("maxChars must be at least 2, got " + maxChars);
        }
        String trimmed = text.strip();
        if (trimmed.length() <= maxChars) {
            return trimmed;
        }
        int limit = maxChars - ELLIPSIS.length();
        int cut = limit;
        while (cut > 0 && !Character.isWhitespace(trimmed.charAt(cut))) {
            cut--;
        }
        if (cut == 0) {
            cut = Character.isLowSurrogate(trimmed.charAt(limit)) ? limit - 1 : limit;
        }
        String head = trimmed.substring(0, cut).stripTrailing();
        while (!head.isEmpty() && ",;:-(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + ELLIPSIS;
    }

    /** A match reason in words: {@code the phrase “mixture of experts” in abstract}. */
    public static String describe(MatchReason reason) {
        String field = reason.getField() == null ? "" : " in " + reason.getField();
        String score = reason.getScore() == null ? "" : String.format(Locale.ROOT, " (%.2f)", reason.getScore());
        switch (reason.getKind()) {
            case TERM:
                return "the term “" + reason.getDetail() + "”" + field;
            case PHRASE:
                return "the phrase “" + reason.getDetail() + "”" + field;
            case TAG:
                return "the tag “" + reason.getDetail() + "”";
            case CATEGORY:
                return "the category " + reason.getDetail();
            case AUTHOR:
                return "the author " + reason.getDetail();
            case SIMILARITY:
                return "similar to " + reason.getDetail() + score;
            case TRENDING:
                return "trending" + score;
            default:
                return reason.getDetail() + field;
        }
    }

    /** True for an absolute http or https URL with a host: the only links paperwire shows. */
    public static boolean isWebLink(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
