package io.paperwire.enrich.tags;

import io.paperwire.schemas.TagKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the categories a source gave a paper into SUBJECT tags. Input: category codes, primary first (a list, or
 * the space-separated string of the arXiv snapshot). Output: one {@link TagMatch} per distinct code, in the given
 * order, confidence 1.0, origin {@code source}, label the category name; plus the codes the taxonomy does not know.
 * An unknown code is still tagged (the source said so) but without a label, and is reported in
 * {@link SubjectTags#unknownCodes()} so the caller can log or count it.
 */
public final class SubjectTagger {

    /** The origin of every tag this tagger makes: the categories came from the paper's source. */
    public static final String ORIGIN = "source";

    private final ArxivTaxonomy taxonomy;

    public SubjectTagger(ArxivTaxonomy taxonomy) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
    }

    /**
     * The tags of a paper.
     *
     * @param tags         subject tags, primary first
     * @param unknownCodes codes the taxonomy does not list, in their order
     */
    public record SubjectTags(List<TagMatch> tags, List<String> unknownCodes) {
        public SubjectTags {
            tags = List.copyOf(tags);
            unknownCodes = List.copyOf(unknownCodes);
        }
    }

    /** Tags for codes given as one space-separated string, as in the arXiv snapshot ({@code "hep-th gr-qc"}). */
    public SubjectTags tag(String spaceSeparatedCategories) {
        if (spaceSeparatedCategories == null || spaceSeparatedCategories.isBlank()) {
            return new SubjectTags(List.of(), List.of());
        }
        return tag(List.of(spaceSeparatedCategories.trim().split("\\s+")));
    }

    /** Tags for codes given primary first; blank codes are dropped, repeats keep their first place. */
    public SubjectTags tag(List<String> categories) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String code : categories) {
            if (code != null && !code.isBlank()) {
                codes.add(code.trim());
            }
        }
        List<TagMatch> tags = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        boolean primary = true;
        for (String code : codes) {
            Optional<ArxivCategory> category = taxonomy.find(code);
            if (category.isEmpty()) {
                unknown.add(code);
            }
            String evidence = primary ? "primary category" : "cross-list";
            if (category.isEmpty()) {
                evidence += " (not in arXiv taxonomy " + taxonomy.version() + ")";
            }
            tags.add(new TagMatch(code, category.map(ArxivCategory::name).orElse(null), TagKind.SUBJECT, 1.0, ORIGIN,
                    evidence));
            primary = false;
        }
        return new SubjectTags(tags, unknown);
    }
}
