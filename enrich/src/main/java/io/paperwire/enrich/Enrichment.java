package io.paperwire.enrich;

import io.paperwire.enrich.keywords.ExtractedKeyword;
import io.paperwire.enrich.tags.TagMatch;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.Tag;
import java.util.List;

/**
 * What {@link PaperEnricher} found in one paper.
 *
 * @param keywords keyphrases, best first
 * @param tags     subject tags (primary first), learned subjects (only for a paper without categories), then
 *                 topic tags, most confident first
 */
public record Enrichment(List<ExtractedKeyword> keywords, List<TagMatch> tags) {

    public Enrichment {
        keywords = List.copyOf(keywords);
        tags = List.copyOf(tags);
    }

    /** The keywords as Avro records. */
    public List<Keyword> avroKeywords() {
        return keywords.stream()
                .map(k -> Keyword.newBuilder().setPhrase(k.phrase()).setNormalized(k.normalized())
                        .setScore(k.score()).build())
                .toList();
    }

    /** The tags as Avro records. */
    public List<Tag> avroTags() {
        return tags.stream().map(TagMatch::toAvro).toList();
    }
}
