package io.paperwire.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.schemas.Tag;
import io.paperwire.schemas.TagKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectTaggerTest {

    private final SubjectTagger tagger = new SubjectTagger(ArxivTaxonomy.load());

    @Test
    void shouldTagPrimaryFirstWithNamesFullConfidenceAndSourceOrigin() {
        SubjectTagger.SubjectTags tags = tagger.tag(List.of("hep-th", "gr-qc", "math.MP"));

        assertThat(tags.tags()).extracting(TagMatch::tag).containsExactly("hep-th", "gr-qc", "math.MP");
        assertThat(tags.tags()).extracting(TagMatch::label).containsExactly("High Energy Physics - Theory",
                "General Relativity and Quantum Cosmology", "Mathematical Physics");
        assertThat(tags.tags()).allSatisfy(tag -> {
            assertThat(tag.kind()).isEqualTo(TagKind.SUBJECT);
            assertThat(tag.confidence()).isEqualTo(1.0);
            assertThat(tag.origin()).isEqualTo("source");
        });
        assertThat(tags.tags().get(0).evidence()).isEqualTo("primary category");
        assertThat(tags.tags().get(1).evidence()).isEqualTo("cross-list");
        assertThat(tags.unknownCodes()).isEmpty();
    }

    @Test
    void shouldReadTheSnapshotsSpaceSeparatedStringAndDropRepeats() {
        SubjectTagger.SubjectTags tags = tagger.tag("  cs.LG stat.ML\n cs.LG ");
        assertThat(tags.tags()).extracting(TagMatch::tag).containsExactly("cs.LG", "stat.ML");
        assertThat(tagger.tag("").tags()).isEmpty();
        assertThat(tagger.tag((String) null).tags()).isEmpty();
    }

    @Test
    void shouldKeepButReportCodesTheTaxonomyDoesNotKnow() {
        SubjectTagger.SubjectTags tags = tagger.tag(Arrays.asList("cs.ZZ", null, " ", "cs.CL"));

        assertThat(tags.unknownCodes()).containsExactly("cs.ZZ");
        TagMatch unknown = tags.tags().get(0);
        assertThat(unknown.tag()).isEqualTo("cs.ZZ");
        assertThat(unknown.label()).isNull();
        assertThat(unknown.evidence()).contains("not in arXiv taxonomy");
        assertThat(tags.tags().get(1).label()).isEqualTo("Computation and Language");
    }

    @Test
    void shouldMapToTheAvroTag() {
        Tag avro = tagger.tag(List.of("quant-ph")).tags().get(0).toAvro();
        assertThat(avro.getTag()).isEqualTo("quant-ph");
        assertThat(avro.getLabel()).isEqualTo("Quantum Physics");
        assertThat(avro.getKind()).isEqualTo(TagKind.SUBJECT);
        assertThat(avro.getOrigin()).isEqualTo("source");
    }
}
