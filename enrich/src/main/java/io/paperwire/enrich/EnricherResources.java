package io.paperwire.enrich;

import io.paperwire.enrich.keywords.BackgroundFrequencies;
import io.paperwire.enrich.tags.ArxivTaxonomy;
import io.paperwire.enrich.tags.SubjectClassifier;
import io.paperwire.enrich.tags.SubjectPrior;
import io.paperwire.enrich.tags.SubjectTagger;
import io.paperwire.enrich.tags.TopicTagger;
import io.paperwire.enrich.tags.TopicTaxonomy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The read-only data every enricher shares: the arXiv taxonomy, the topic taxonomy (shipped or the user's file),
 * the shipped background document frequencies, the shipped subject-classifier prior with the weight it runs at,
 * and the two thread-safe taggers built on them. Loading reads
 * files, so the topology asks for them through {@link #lazy(Optional)} only when a task starts.
 *
 * @param arxivTaxonomy   arXiv categories
 * @param topicTaxonomy   topics and their phrases
 * @param background      shipped document frequencies that seed the live counts
 * @param subjectTagger   categories to SUBJECT tags
 * @param topicTagger     text to TOPIC tags
 * @param subjectPrior    shipped counts each task's subject classifier starts from
 * @param subjectPriorWeight how much one prior paper counts against one learnt paper (0: no prior)
 */
public record EnricherResources(ArxivTaxonomy arxivTaxonomy, TopicTaxonomy topicTaxonomy,
                                BackgroundFrequencies background, SubjectTagger subjectTagger,
                                TopicTagger topicTagger, SubjectPrior subjectPrior, double subjectPriorWeight) {

    public EnricherResources {
        Objects.requireNonNull(arxivTaxonomy, "arxivTaxonomy");
        Objects.requireNonNull(topicTaxonomy, "topicTaxonomy");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(subjectTagger, "subjectTagger");
        Objects.requireNonNull(topicTagger, "topicTagger");
        Objects.requireNonNull(subjectPrior, "subjectPrior");
        if (!(subjectPriorWeight >= 0) || Double.isInfinite(subjectPriorWeight)) {
            throw new IllegalArgumentException("subject prior weight must be finite and >= 0, was "
                    + subjectPriorWeight);
        }
    }

    /** Builds the taggers over the given data. */
    public static EnricherResources of(ArxivTaxonomy arxivTaxonomy, TopicTaxonomy topicTaxonomy,
                                       BackgroundFrequencies background, SubjectPrior subjectPrior,
                                       double subjectPriorWeight) {
        return new EnricherResources(arxivTaxonomy, topicTaxonomy, background, new SubjectTagger(arxivTaxonomy),
                new TopicTagger(topicTaxonomy), subjectPrior, subjectPriorWeight);
    }

    /** A new subject classifier for one task or batch run: the prior at its weight, nothing learnt yet. */
    public SubjectClassifier newSubjectClassifier() {
        return new SubjectClassifier(arxivTaxonomy, subjectPrior, subjectPriorWeight);
    }

    /** The version of the classifier {@link #newSubjectClassifier()} makes. */
    public String subjectClassifierVersion() {
        return subjectPriorWeight > 0 ? SubjectClassifier.VERSION : SubjectClassifier.VERSION_WITHOUT_PRIOR;
    }

    /** {@link #load(Optional, double)} with the default prior weight. */
    public static EnricherResources load(Optional<Path> topicTaxonomyFile) {
        return load(topicTaxonomyFile, SubjectClassifier.DEFAULT_PRIOR_WEIGHT);
    }

    /**
     * Loads the shipped data, and the topic taxonomy from {@code topicTaxonomyFile} when given.
     *
     * @throws UncheckedIOException when the topic taxonomy file cannot be read
     * @throws IllegalArgumentException when it is malformed (the message names the file and the entry)
     */
    public static EnricherResources load(Optional<Path> topicTaxonomyFile, double subjectPriorWeight) {
        TopicTaxonomy topics;
        if (topicTaxonomyFile.isPresent()) {
            try {
                topics = TopicTaxonomy.load(topicTaxonomyFile.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the topic taxonomy " + topicTaxonomyFile.get(), e);
            }
        } else {
            topics = TopicTaxonomy.loadDefault();
        }
        return of(ArxivTaxonomy.load(), topics, BackgroundFrequencies.load(), SubjectPrior.load(),
                subjectPriorWeight);
    }

    /** {@link #lazy(Optional, double)} with the default prior weight. */
    public static Supplier<EnricherResources> lazy(Optional<Path> topicTaxonomyFile) {
        return lazy(topicTaxonomyFile, SubjectClassifier.DEFAULT_PRIOR_WEIGHT);
    }

    /** A supplier that loads on first use and then hands out the same instance to every caller (thread-safe). */
    public static Supplier<EnricherResources> lazy(Optional<Path> topicTaxonomyFile, double subjectPriorWeight) {
        return new Supplier<>() {
            private volatile EnricherResources loaded;

            @Override
            public EnricherResources get() {
                EnricherResources result = loaded;
                if (result == null) {
                    synchronized (this) {
                        if (loaded == null) {
                            loaded = load(topicTaxonomyFile, subjectPriorWeight);
                        }
                        result = loaded;
                    }
                }
                return result;
            }
        };
    }
}
