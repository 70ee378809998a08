package io.paperwire.enrich.tags;

import io.paperwire.schemas.Tag;
import io.paperwire.schemas.TagKind;
import java.util.Objects;

/**
 * One tag given to a paper, as produced by {@link SubjectTagger}, {@link TopicTagger} or {@link SubjectClassifier};
 * it carries the same fields as the Avro {@link Tag} so the topology can map it without thinking.
 *
 * @param tag        category code ({@code cs.LG}) for subjects, topic name ({@code mixture of experts}) for topics
 * @param label      human-readable name, or {@code null} when none is known (an unknown category code)
 * @param kind       where the tag comes from
 * @param confidence between 0 and 1
 * @param origin     what produced it: {@code source}, {@code taxonomy:<version>}, {@code classifier:<version>}
 * @param evidence   the phrase or category that fired, or {@code null}
 */
public record TagMatch(String tag, String label, TagKind kind, double confidence, String origin, String evidence) {

    public TagMatch {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(origin, "origin");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must lie in [0, 1], was " + confidence + " for " + tag);
        }
    }

    /** The Avro form of this tag. */
    public Tag toAvro() {
        return Tag.newBuilder()
                .setTag(tag)
                .setLabel(label)
                .setKind(kind)
                .setConfidence(confidence)
                .setOrigin(origin)
                .setEvidence(evidence)
                .build();
    }
}
