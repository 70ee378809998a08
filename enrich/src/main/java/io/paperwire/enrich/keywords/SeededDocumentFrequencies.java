package io.paperwire.enrich.keywords;

import java.util.Objects;
import java.util.Set;

/**
 * Live {@link DocumentFrequencies} on top of the shipped {@link BackgroundFrequencies}: every count is the
 * background count plus the live one, and {@link #observe(Set)} adds to the live part only. This is how the first
 * papers of a fresh deployment already get meaningful rarity scores.
 */
public final class SeededDocumentFrequencies implements DocumentFrequencies {

    private final BackgroundFrequencies background;
    private final DocumentFrequencies live;

    public SeededDocumentFrequencies(BackgroundFrequencies background, DocumentFrequencies live) {
        this.background = Objects.requireNonNull(background, "background");
        this.live = Objects.requireNonNull(live, "live");
    }

    /** The shipped background table plus fresh in-memory live counts. */
    public static SeededDocumentFrequencies withShippedBackground() {
        return new SeededDocumentFrequencies(BackgroundFrequencies.load(), new InMemoryDocumentFrequencies());
    }

    @Override
    public long docCount() {
        return background.docCount() + live.docCount();
    }

    @Override
    public long df(String normalizedTerm) {
        return background.df(normalizedTerm) + live.df(normalizedTerm);
    }

    @Override
    public void observe(Set<String> distinctNormalizedTerms) {
        live.observe(distinctNormalizedTerms);
    }
}
