package io.paperwire.enrich.tags;

import java.util.List;
import java.util.Objects;

/**
 * One topic of a {@link TopicTaxonomy}.
 *
 * @param name       the tag, lower case, e.g. {@code mixture of experts}; also matched as a phrase
 * @param label      display name, e.g. {@code Mixture of Experts}
 * @param area       the broad area it belongs to, e.g. {@code machine learning}
 * @param phrases    further phrases that signal the topic, matched on stems ({@code sparse expert models})
 * @param synonyms   other names of the same thing, matched like phrases
 * @param acronyms   abbreviations, matched case-sensitively as whole tokens, plural {@code s} allowed ({@code MoE})
 * @param categories arXiv categories where the topic is at home; when the paper carries one, confidence rises
 */
public record Topic(String name, String label, String area, List<String> phrases, List<String> synonyms,
                    List<String> acronyms, List<String> categories) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(area, "area");
        phrases = List.copyOf(phrases);
        synonyms = List.copyOf(synonyms);
        acronyms = List.copyOf(acronyms);
        categories = List.copyOf(categories);
    }
}
