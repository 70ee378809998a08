package io.paperwire.ingest.parse;

import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import io.paperwire.schemas.PaperLinks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The fields of one record as a parser reads them, before validation. {@link #finish} checks the required fields (id,
 * title, abstract) and the abstract size limit, normalises the text and builds the {@link Paper}, or says what is
 * wrong. One class for every parser, so the rules are the same for every source.
 */
final class PaperDraft {

    String rawId;
    ArxivId arxivId;
    String title;
    String abstractText;
    List<Author> authors = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    String primaryCategory;
    String doi;
    String journalRef;
    String comments;
    String license;
    String abstractPage;
    String pdf;
    Instant firstPublishedAt;
    Instant versionPublishedAt;
    List<PaperVersion> versions = List.of();
    boolean versionExact = true;
    AnnounceType announceType;
    /** A problem found while reading the fields (a bad date, an unknown announce type): the record is an error. */
    String problem;

    ParseResult finish(ParseContext context, String position, String sourceRefOfRecord, Supplier<byte[]> raw) {
        String message = validate(context.settings());
        if (message != null) {
            return context.error(position, message, raw.get());
        }
        int version = arxivId.version().orElse(versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version());
        String normalisedTitle = Normalizer.text(title);
        String plainTitle = Normalizer.plainText(normalisedTitle);
        List<String> orderedCategories = Normalizer.categories(primaryCategory, categories);
        String abs = abstractPage != null ? abstractPage : "https://arxiv.org/abs/" + arxivId.id();
        String pdfLink = pdf != null ? pdf : "https://arxiv.org/pdf/" + arxivId.id() + "v" + version;
        Paper paper = new Paper(arxivId.key(), PaperEventKind.NEW_PAPER, context.sourceName(),
                sourceRefOfRecord, arxivId.id(), version, normalisedTitle,
                plainTitle.equals(normalisedTitle) ? null : plainTitle, Normalizer.text(abstractText),
                List.copyOf(authors), orderedCategories, orderedCategories.isEmpty() ? null : orderedCategories.get(0),
                Normalizer.optionalText(doi), Normalizer.optionalText(journalRef), Normalizer.optionalText(comments),
                Normalizer.optionalText(license), new PaperLinks(abs, pdfLink), firstPublishedAt, versionPublishedAt,
                context.settings().clock().instant(), null);
        paper.setContentHash(Normalizer.contentHash(paper));
        return new ParseResult.ParsedPaper(paper, Optional.ofNullable(announceType), position, versions,
                versionExact);
    }

    private String validate(ParserSettings settings) {
        if (problem != null) {
            return problem;
        }
        if (arxivId == null) {
            return rawId == null || rawId.isBlank() ? "missing required field: id"
                    : "not an arXiv identifier: '" + abbreviate(rawId) + "'";
        }
        if (title == null || title.isBlank()) {
            return "missing required field: title (paper " + arxivId.id() + ")";
        }
        if (abstractText == null || abstractText.isBlank()) {
            return "missing required field: abstract (paper " + arxivId.id() + ")";
        }
        int limit = settings.maxAbstractBytes();
        if ((long) abstractText.length() * 3 > limit) {
            int bytes = abstractText.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > limit) {
                return "abstract too long: " + bytes + " bytes, limit " + limit + " (paper " + arxivId.id() + ")";
            }
        }
        return null;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
