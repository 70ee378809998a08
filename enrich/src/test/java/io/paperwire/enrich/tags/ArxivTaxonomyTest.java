package io.paperwire.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.embedded.SharedData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ArxivTaxonomyTest {

    private final ArxivTaxonomy taxonomy = ArxivTaxonomy.load();

    @Test
    void shouldNameGroupedCategoriesAndFileThemUnderTheirArchive() {
        ArxivCategory lg = taxonomy.find("cs.LG").orElseThrow();
        assertThat(lg.name()).isEqualTo("Machine Learning");
        assertThat(lg.archive()).isEqualTo("cs");
        assertThat(lg.groupName()).isEqualTo("Computer Science");
        assertThat(lg.status()).isEqualTo(ArxivCategory.Status.ACTIVE);
        assertThat(taxonomy.archiveOf("cond-mat.str-el")).contains("cond-mat");
        assertThat(taxonomy.find("astro-ph.CO").orElseThrow().group()).isEqualTo("physics");
    }

    @Test
    void shouldTreatArchivesWithoutSubjectClassesAsTheirOwnArchiveInThePhysicsGroup() {
        for (String code : List.of("hep-th", "hep-ph", "hep-ex", "hep-lat", "gr-qc", "quant-ph", "nucl-th",
                "nucl-ex", "math-ph")) {
            ArxivCategory category = taxonomy.find(code).orElseThrow();
            assertThat(category.archive()).as(code).isEqualTo(code);
            assertThat(category.group()).as(code).isEqualTo("physics");
        }
        assertThat(taxonomy.find("hep-th").orElseThrow().name()).isEqualTo("High Energy Physics - Theory");
    }

    @Test
    void shouldResolveAliasesAndLegacyCodesToTodaysCategory() {
        assertThat(taxonomy.find("math.MP").orElseThrow().canonicalCode()).isEqualTo("math-ph");
        assertThat(taxonomy.find("cs.NA").orElseThrow().canonicalCode()).isEqualTo("math.NA");
        assertThat(taxonomy.find("stat.TH").orElseThrow().status()).isEqualTo(ArxivCategory.Status.ALIAS);
        ArxivCategory algGeom = taxonomy.find("alg-geom").orElseThrow();
        assertThat(algGeom.status()).isEqualTo(ArxivCategory.Status.LEGACY);
        assertThat(algGeom.canonicalCode()).isEqualTo("math.AG");
        assertThat(algGeom.archive()).isEqualTo("math");
        for (String legacy : List.of("q-alg", "alg-geom", "dg-ga", "funct-an", "solv-int", "chao-dyn", "patt-sol",
                "adap-org", "cmp-lg", "comp-gas", "chem-ph", "atom-ph", "plasm-ph", "ao-sci", "bayes-an",
                "acc-phys", "mtrl-th", "supr-con")) {
            assertThat(taxonomy.isKnown(legacy)).as(legacy).isTrue();
        }
    }

    @Test
    void shouldListEveryArchiveAndPointEveryAliasAtAListedCode() {
        assertThat(taxonomy.archives()).contains("cs", "math", "astro-ph", "cond-mat", "physics", "q-bio", "q-fin",
                "stat", "eess", "econ", "nlin", "hep-th", "gr-qc", "quant-ph");
        assertThat(taxonomy.categories()).hasSizeGreaterThan(170);
        for (ArxivCategory category : taxonomy.categories()) {
            assertThat(taxonomy.isKnown(category.canonicalCode())).as(category.code()).isTrue();
        }
    }

    @Test
    void shouldReportUnknownCodesInsteadOfGuessing() {
        assertThat(taxonomy.find("cs.XX")).isEmpty();
        assertThat(taxonomy.archiveOf("physics.made-up")).isEmpty();
        assertThat(taxonomy.unknownAmong(List.of("cs.LG", "cs.XX", "bogus", "cs.XX"))).containsExactly("cs.XX",
                "bogus");
    }

    @Test
    void shouldRefuseMalformedFilesNamingTheLine() {
        String noArchive = "version\t1\ngroup\tcs\tComputer Science\n"
                + "category\tcs.LG\tMachine Learning\tcs\tactive\t-\n";
        assertThatThrownBy(() -> ArxivTaxonomy.parse(new StringReader(noArchive), "mine.tsv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mine.tsv line 3").hasMessageContaining("unknown archive cs");
        String shortLine = "version\t1\ngroup\tcs\n";
        assertThatThrownBy(() -> ArxivTaxonomy.parse(new StringReader(shortLine), "mine.tsv"))
                .hasMessageContaining("line 2").hasMessageContaining("expected 3");
        assertThatThrownBy(() -> ArxivTaxonomy.parse(new StringReader("group\tcs\tCS\n"), "mine.tsv"))
                .hasMessageContaining("no 'version' line");
    }

    @Test
    void shouldKnowEveryCategoryOfTheRealSnapshotSample() throws IOException {
        String relative = "data/arxiv-metadata-oai-snapshot.sample1000.jsonl";
        Optional<Path> file = SharedData.file(relative);
        Assumptions.assumeTrue(file.isPresent(), SharedData.skipReason(relative));
        ObjectMapper json = new ObjectMapper();
        TreeSet<String> codes = new TreeSet<>();
        for (String line : Files.readAllLines(file.get(), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode paper = json.readTree(line);
                codes.addAll(List.of(paper.get("categories").asText().trim().split("\\s+")));
            }
        }
        assertThat(codes).hasSizeGreaterThan(100);
        assertThat(taxonomy.unknownAmong(codes)).isEmpty();
    }

    @Test
    void shouldKnowEveryCategoryOfTheRealDailyFeed() throws IOException {
        String relative = "data/fixtures/rss/rss_all-archives_2024-11-28.xml";
        Optional<Path> file = SharedData.file(relative);
        Assumptions.assumeTrue(file.isPresent(), SharedData.skipReason(relative));
        Matcher category = Pattern.compile("<category>([^<]+)</category>")
                .matcher(Files.readString(file.get(), StandardCharsets.UTF_8));
        List<String> codes = new ArrayList<>();
        while (category.find()) {
            codes.add(category.group(1).trim());
        }
        assertThat(new TreeSet<>(codes)).hasSizeGreaterThan(120);
        assertThat(taxonomy.unknownAmong(codes)).isEmpty();
    }
}
