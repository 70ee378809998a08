package io.paperwire.enrich.tags;

import io.paperwire.schemas.TagKind;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link SubjectClassifier#predict} thinks a paper is about: archives and categories, each with a confidence
 * (the classifier's posterior probability), best first. Both lists are empty when the classifier has not been
 * trained yet.
 *
 * @param archives      e.g. {@code cs 0.91, stat 0.05, …}
 * @param categories    e.g. {@code cs.LG 0.62, stat.ML 0.21, …}
 * @param origin        {@code classifier:<version>}, for the tags
 * @param trainedPapers how many papers the classifier had learnt from
 */
public record SubjectPrediction(List<Scored> archives, List<Scored> categories, String origin, long trainedPapers) {

    /** One predicted archive or category code, its human-readable name (null if unknown), and confidence. */
    public record Scored(String code, String name, double confidence) {
    }

    public SubjectPrediction {
        archives = List.copyOf(archives);
        categories = List.copyOf(categories);
    }

    /** Whether there is any prediction (false before the first training paper). */
    public boolean isEmpty() {
        return archives.isEmpty();
    }

    /** The best archive, when there is a prediction. */
    public java.util.Optional<Scored> bestArchive() {
        return archives.stream().findFirst();
    }

    /**
     * LEARNED_SUBJECT tags: the best categories whose confidence reaches {@code minConfidence}, at most
     * {@code maxTags}, each naming the predicted archive in its evidence.
     */
    public List<TagMatch> toTags(int maxTags, double minConfidence) {
        List<TagMatch> tags = new ArrayList<>();
        String archiveEvidence = bestArchive()
                .map(a -> String.format(java.util.Locale.ROOT, "archive %s (%.2f), learnt from %d papers",
                        a.code(), a.confidence(), trainedPapers))
                .orElse(null);
        for (Scored category : categories) {
            if (tags.size() >= maxTags || category.confidence() < minConfidence) {
                break;
            }
            tags.add(new TagMatch(category.code(), category.name(), TagKind.LEARNED_SUBJECT,
                    Math.min(1.0, Math.max(0.0, category.confidence())), origin, archiveEvidence));
        }
        return tags;
    }
}
