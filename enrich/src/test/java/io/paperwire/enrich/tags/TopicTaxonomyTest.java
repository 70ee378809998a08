package io.paperwire.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicTaxonomyTest {

    @Test
    void shouldShipAVersionedDefaultCoveringTheMajorAreas() {
        TopicTaxonomy taxonomy = TopicTaxonomy.loadDefault();

        assertThat(taxonomy.version()).isNotBlank();
        assertThat(taxonomy.topics()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(taxonomy.topics()).extracting(Topic::name).contains("mixture of experts",
                "reinforcement learning from human feedback", "red teaming", "in-context learning",
                "statistical mechanics", "graph neural networks", "diffusion models", "dark matter",
                "topological insulators", "crispr", "bayesian inference");
        assertThat(taxonomy.topics()).extracting(Topic::area).contains("machine learning", "physics",
                "mathematics", "biology", "statistics");
    }

    @Test
    void shouldOnlyRelateTopicsToCategoriesOrArchivesThatExist() {
        ArxivTaxonomy arxiv = ArxivTaxonomy.load();
        for (Topic topic : TopicTaxonomy.loadDefault().topics()) {
            assertThat(topic.categories()).as(topic.name()).isNotEmpty();
            for (String category : topic.categories()) {
                assertThat(arxiv.isKnown(category) || arxiv.archives().contains(category))
                        .as(topic.name() + " → " + category).isTrue();
            }
        }
    }

    @Test
    void shouldLoadAUsersOwnFileWithDefaultsForOptionalFields(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my-topics.yaml");
        Files.writeString(file, """
                version: 7
                topics:
                  - name: Sea Ice
                    acronyms: [SIC]
                  - name: ocean acoustics
                    label: Ocean acoustics (underwater sound)
                    area: geoscience
                    phrases: [underwater sound, hydrophone]
                    categories: [physics.ao-ph]
                """);

        TopicTaxonomy taxonomy = TopicTaxonomy.load(file);

        assertThat(taxonomy.version()).isEqualTo("7");
        Topic seaIce = taxonomy.topics().get(0);
        assertThat(seaIce.name()).isEqualTo("sea ice");
        assertThat(seaIce.label()).isEqualTo("Sea ice");
        assertThat(seaIce.acronyms()).containsExactly("SIC");
        assertThat(seaIce.phrases()).isEmpty();
        assertThat(taxonomy.topics().get(1).phrases()).containsExactly("underwater sound", "hydrophone");
    }

    @Test
    void shouldRefuseFilesOfTheWrongShapeSayingWhere() {
        assertThatThrownBy(() -> parse("topics:\n  - name: a\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mine.yaml: 'version' is missing");
        assertThatThrownBy(() -> parse("version: 1\ntopics: []\n")).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> parse("version: 1\ntopics:\n  - name: a\n  - phrases: [b]\n"))
                .hasMessageContaining("topic #2").hasMessageContaining("'name' is missing");
        assertThatThrownBy(() -> parse("version: 1\ntopics:\n  - name: a\n    phrase: [b]\n"))
                .hasMessageContaining("unknown field 'phrase'");
        assertThatThrownBy(() -> parse("version: 1\ntopics:\n  - name: a\n    phrases: b\n"))
                .hasMessageContaining("(a) phrases").hasMessageContaining("expected a list");
        assertThatThrownBy(() -> parse("version: 1\ntopics:\n  - name: a\n  - name: A\n"))
                .hasMessageContaining("'a' is listed twice");
        assertThatThrownBy(() -> parse("version: [1\n")).hasMessageContaining("not valid YAML");
    }

    @Test
    void shouldRejectAMissingUserFileWithTheIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> TopicTaxonomy.load(dir.resolve("absent.yaml"))).isInstanceOf(IOException.class);
    }

    private static TopicTaxonomy parse(String yaml) {
        return TopicTaxonomy.parse(new StringReader(yaml), "mine.yaml");
    }

    @Test
    void shouldKeepTopicListsImmutable() {
        List<Topic> topics = TopicTaxonomy.loadDefault().topics();
        assertThatThrownBy(() -> topics.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
