package io.paperwire.ingest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.ingest.parse.ArxivId;
import io.paperwire.ingest.parse.HfDailyParser;
import io.paperwire.ingest.parse.Page;
import io.paperwire.ingest.parse.ParseResult.ParsedPaper;
import io.paperwire.ingest.parse.SnapshotJsonLinesParser;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PaperGeneratorTest {

    @Test
    void sameSeedGivesTheSamePapersAndAnotherSeedOtherPapers() {
        List<GeneratedPaper> first = new PaperGenerator(42).next(200);
        List<GeneratedPaper> again = new PaperGenerator(42).next(200);
        List<GeneratedPaper> other = new PaperGenerator(43).next(200);
        assertThat(again).isEqualTo(first);
        assertThat(other.stream().map(p -> p.latest().getTitle()).toList())
                .isNotEqualTo(first.stream().map(p -> p.latest().getTitle()).toList());
    }

    @Test
    void papersAreLabelledSyntheticWithIdsArxivNeverAssigns() {
        List<GeneratedPaper> papers = new PaperGenerator(7).next(1000);
        assertThat(papers).allSatisfy(generated -> generated.versions().forEach(paper -> {
            assertThat(paper.getComments()).startsWith(PaperGenerator.SYNTHETIC_COMMENT);
            assertThat(paper.getSource()).isEqualTo("generator");
            assertThat(paper.getArxivId()).matches("\\d\\d00\\.\\d{5}");
            assertThat(PaperGenerator.isSynthetic(paper.getArxivId())).isTrue();
            assertThat(ArxivId.parse(paper.getArxivId())).isPresent();
            assertThat(paper.getKey()).isEqualTo("arxiv:" + paper.getArxivId());
        }));
        assertThat(papers.stream().map(p -> p.latest().getKey()).distinct()).hasSize(1000);
        assertThat(PaperGenerator.syntheticId(0)).isEqualTo("0000.00001");
        assertThat(PaperGenerator.syntheticId(99_999)).isEqualTo("0100.00001");
        assertThat(PaperGenerator.isSynthetic("2401.01234")).isFalse();
    }

    @Test
    void papersVaryLikeRealOnes() {
        List<GeneratedPaper> papers = new PaperGenerator(11).next(2000);
        List<Paper> latest = papers.stream().map(GeneratedPaper::latest).toList();
        assertThat(latest.stream().map(Paper::getTitle).distinct().count()).isGreaterThan(1500);
        assertThat(latest.stream().map(Paper::getPrimaryCategory).collect(Collectors.toSet()).size()).isGreaterThan(25);
        assertThat(latest).filteredOn(p -> p.getCategories().size() > 1).hasSizeBetween(400, 1200);
        assertThat(latest).filteredOn(p -> p.getDoi() != null).hasSizeBetween(300, 1200);
        assertThat(latest).filteredOn(p -> p.getJournalRef() != null).hasSizeBetween(300, 1000);
        assertThat(latest).filteredOn(p -> p.getTitle().contains("$") || p.getAbstractText().contains("$"))
                .hasSizeGreaterThan(200);
        assertThat(latest).filteredOn(p -> p.getAuthors().stream().anyMatch(a -> a.getName().contains("\\")))
                .hasSizeGreaterThan(100);
        assertThat(latest).filteredOn(p -> p.getAuthors().stream().anyMatch(a -> a.getAffiliation() != null))
                .hasSizeGreaterThan(400);
        Set<Integer> versionCounts = papers.stream().map(p -> p.versions().size()).collect(Collectors.toSet());
        assertThat(versionCounts).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(papers).filteredOn(p -> p.versions().size() > 1).allSatisfy(p -> {
            assertThat(p.versions().get(1).getVersionPublishedAt()).isAfter(p.versions().get(0).getVersionPublishedAt());
            assertThat(p.versions().get(1).getContentHash()).isNotEqualTo(p.versions().get(0).getContentHash());
            assertThat(p.latest().getFirstPublishedAt()).isEqualTo(p.versions().get(0).getVersionPublishedAt());
        });
        assertThat(papers.stream().flatMap(p -> p.signals().stream()).mapToLong(s -> s.getCount()).max().orElseThrow())
                .isGreaterThan(50);
    }

    @Test
    void snapshotOutputParsesBackToTheSamePapers() throws Exception {
        List<GeneratedPaper> papers = new PaperGenerator(5).next(500);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratedFormats.writeSnapshotJsonLines(papers, out);
        double bytesPerPaper = out.size() / 500.0;
        assertThat(bytesPerPaper).as("about 1.5 KB per paper").isBetween(1000.0, 2200.0);
        Page page = new SnapshotJsonLinesParser().parse(new ByteArrayInputStream(out.toByteArray()), "generated.jsonl");
        assertThat(page.errors()).isEmpty();
        assertThat(page.papers()).hasSize(500);
        for (int i = 0; i < 500; i++) {
            Paper expected = papers.get(i).latest();
            ParsedPaper parsed = page.papers().get(i);
            Paper actual = parsed.paper();
            assertThat(actual.getKey()).isEqualTo(expected.getKey());
            assertThat(actual.getVersion()).isEqualTo(expected.getVersion());
            assertThat(actual.getTitle()).isEqualTo(expected.getTitle());
            assertThat(actual.getAbstractText()).isEqualTo(expected.getAbstractText());
            assertThat(actual.getAuthors()).isEqualTo(expected.getAuthors());
            assertThat(actual.getCategories()).isEqualTo(expected.getCategories());
            assertThat(actual.getFirstPublishedAt()).isEqualTo(expected.getFirstPublishedAt());
            assertThat(actual.getVersionPublishedAt()).isEqualTo(expected.getVersionPublishedAt());
            assertThat(actual.getContentHash()).isEqualTo(expected.getContentHash());
            assertThat(parsed.versions()).hasSize(papers.get(i).versions().size());
        }
    }

    @Test
    void hfOutputParsesBackWithSignals() throws Exception {
        List<GeneratedPaper> papers = new PaperGenerator(9).next(30);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratedFormats.writeHfDaily(papers, Instant.parse("2026-03-02T01:00:00Z"), out);
        Page page = new HfDailyParser().parse(new ByteArrayInputStream(out.toByteArray()), "generated-hf.json");
        assertThat(page.errors()).isEmpty();
        assertThat(page.papers()).hasSize(30);
        assertThat(page.signals()).hasSize(60);
        assertThat(page.papers()).extracting(p -> p.paper().getAuthors().stream().map(Author::getName).toList())
                .containsExactlyInAnyOrderElementsOf(papers.stream()
                        .map(p -> p.latest().getAuthors().stream().map(Author::getName).toList()).toList());
    }

    @Test
    void replicateMakesVariedLabelledCopiesOfACorpus() throws Exception {
        List<Paper> corpus = new PaperGenerator(1).nextLatest(20);
        List<Paper> replicas = PaperGenerator.replicate(corpus, 300, 99);
        assertThat(PaperGenerator.replicate(corpus, 300, 99)).isEqualTo(replicas);
        assertThat(replicas.stream().map(Paper::getKey).distinct()).hasSize(300);
        assertThat(replicas).allSatisfy(p -> {
            assertThat(p.getComments()).startsWith(PaperGenerator.SYNTHETIC_COMMENT).contains("replica of arXiv:");
            assertThat(PaperGenerator.isSynthetic(p.getArxivId())).isTrue();
        });
        assertThat(replicas.stream().map(Paper::getVersion).collect(Collectors.toSet())).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(replicas.stream().map(Paper::getAbstractText).distinct().count()).isGreaterThan(250);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratedFormats.writeSnapshotJsonLinesOfPapers(replicas, out);
        Page page = new SnapshotJsonLinesParser().parse(new ByteArrayInputStream(out.toByteArray()), "replicas.jsonl");
        assertThat(page.errors()).isEmpty();
        assertThat(page.papers()).extracting(p -> p.paper().getContentHash())
                .containsExactlyElementsOf(replicas.stream().map(Paper::getContentHash).toList());
    }

    @Test
    void generatesFastEnoughToFeedBenchmarks() {
        PaperGenerator generator = new PaperGenerator(3);
        generator.next(20_000);
        int count = 100_000;
        long start = System.nanoTime();
        long chars = 0;
        for (int i = 0; i < count; i++) {
            chars += generator.next().latest().getAbstractText().length();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = count / seconds;
        System.out.printf("generator: %.0f papers/s (%d abstract chars)%n", rate, chars);
        // a floor that still catches an accidental quadratic step; the target (50k/s) is measured by paperwire bench
        assertThat(rate).as("papers per second on a loaded, shared CI core").isGreaterThan(2_000);
    }
}
