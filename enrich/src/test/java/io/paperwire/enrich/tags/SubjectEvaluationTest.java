package io.paperwire.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperwire.embedded.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubjectEvaluationTest {

    private final ArxivTaxonomy taxonomy = ArxivTaxonomy.load();
    private final SubjectEvaluation evaluation = new SubjectEvaluation(taxonomy);

    /** Hand-written papers in both accepted shapes, plus two lines that cannot be used. */
    private static final String DATASET = String.join("\n",
            "{\"id\":\"t1\",\"title\":\"Supernova light curves\",\"abstract\":\"Telescope observations of supernova "
                    + "explosions in galaxies.\",\"categories\":\"astro-ph.HE astro-ph.GA\"}",
            "{\"id\":\"t2\",\"title\":\"A theorem on manifolds\",\"abstract\":\"We prove a lemma on curvature of "
                    + "manifolds.\",\"categories\":[\"math.DG\"]}",
            "{\"id\":\"t3\",\"title\":\"Routing software\",\"abstract\":\"An algorithm for packet routing in "
                    + "networks, implemented in software.\",\"categories\":[\"cs.NI\"]}",
            "not json at all",
            "{\"id\":\"t4\",\"title\":\"Galaxy redshift survey\",\"abstract\":\"A telescope survey measures the "
                    + "redshift of galaxies.\",\"categories\":\"astro-ph.CO\"}",
            "{\"id\":\"t5\",\"title\":\"Ideals and modules\",\"abstract\":\"We prove a theorem and a lemma on "
                    + "ideals.\",\"categories\":\"math.AC\"}",
            "{\"id\":\"t6\",\"title\":\"No categories here\",\"abstract\":\"Text.\"}",
            "",
            "{\"id\":\"t7\",\"title\":\"Compiler algorithm\",\"abstract\":\"Our software compiler uses a new "
                    + "algorithm.\",\"categories\":[\"cs.PL\"]}",
            "{\"id\":\"t8\",\"title\":\"Supernova galaxies seen by telescope\",\"abstract\":\"We observe "
                    + "supernova explosions in galaxies.\",\"categories\":\"astro-ph.HE\"}",
            "{\"id\":\"t9\",\"title\":\"A lemma on curvature\",\"abstract\":\"We prove a theorem on "
                    + "manifolds.\",\"categories\":[\"math.DG\", \"math.MP\"]}",
            "{\"id\":\"t10\",\"title\":\"Packet routing algorithm\",\"abstract\":\"Routing software for "
                    + "networks.\",\"categories\":[\"cs.NI\"]}") + "\n";

    @Test
    void shouldReadBothShapesAndNameTheLinesItCannotUse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("papers.jsonl");
        Files.writeString(file, DATASET);

        SubjectEvaluation.Dataset dataset = SubjectEvaluation.read(file);

        assertThat(dataset.papers()).extracting(LabelledPaper::id)
                .containsExactly("t1", "t2", "t3", "t4", "t5", "t7", "t8", "t9", "t10");
        assertThat(dataset.papers().get(0).categories()).containsExactly("astro-ph.HE", "astro-ph.GA");
        assertThat(dataset.problems()).hasSize(2);
        assertThat(dataset.problems().get(0)).startsWith("line 4: not JSON");
        assertThat(dataset.problems().get(1)).isEqualTo("line 7: no title/abstract or no categories");
    }

    @Test
    void shouldTrainOnTheEarlierPapersAndTestOnTheLaterOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("papers.jsonl");
        Files.writeString(file, DATASET);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SubjectEvaluation.Result result = evaluation.run(file, 0.67, new PrintStream(printed, true,
                StandardCharsets.UTF_8));

        assertThat(result.papers()).isEqualTo(9);
        assertThat(result.trainPapers()).isEqualTo(6);
        assertThat(result.testPapers()).isEqualTo(3);
        // t8, t9, t10 repeat the vocabulary of their archive's training papers
        assertThat(result.archiveAccuracy()).isEqualTo(1.0);
        assertThat(result.categoryTop3()).isGreaterThanOrEqualTo(result.categoryTop1());
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("9 papers with categories, 2 lines skipped", "skipped line 4: not JSON",
                "trained online on the first 6 papers, tested on the last 3", "archive accuracy=1.000",
                "category top-1=");
    }

    @Test
    void shouldRefuseSplitsThatLeaveNothingToTrainOrTest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("papers.jsonl");
        Files.writeString(file, DATASET);
        SubjectEvaluation.Dataset dataset = SubjectEvaluation.read(file);
        assertThatThrownBy(() -> evaluation.evaluate(dataset, "papers", 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> evaluation.evaluate(dataset, "papers", 0.01))
                .hasMessageContaining("too few to split");
    }

    @Test
    void shouldSayWhichPriorWasUsedAndReportTheFiguresWithoutItToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("papers.jsonl");
        Files.writeString(file, DATASET);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SubjectEvaluation.Result result = evaluation.run(file, 0.67, new PrintStream(printed, true,
                StandardCharsets.UTF_8));

        assertThat(evaluation.usesPrior()).isTrue();
        assertThat(result.classifierVersion()).isEqualTo(SubjectClassifier.VERSION);
        assertThat(result.priorUsed()).startsWith(SubjectPrior.load().name() + " at weight "
                + SubjectClassifier.DEFAULT_PRIOR_WEIGHT);
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("classifier " + SubjectClassifier.VERSION + ", prior: rss-all-archives-2024-11-28",
                "without the prior (--no-prior), same split:");
        SubjectEvaluation.Result without = SubjectEvaluation.withoutPrior(taxonomy)
                .evaluate(SubjectEvaluation.read(file), "papers", 0.67);
        assertThat(without.classifierVersion()).isEqualTo(SubjectClassifier.VERSION_WITHOUT_PRIOR);
        assertThat(without.priorUsed()).isEqualTo("none");
        assertThat(report).contains(String.format(java.util.Locale.ROOT,
                "without the prior (--no-prior), same split:%narchive accuracy=%.3f", without.archiveAccuracy()));
    }

    @Test
    void shouldReachTheMeasuredArchiveAccuracyOnTheRealSampleWithAndWithoutThePrior() throws IOException {
        String relative = "data/arxiv-metadata-oai-snapshot.sample1000.jsonl";
        Optional<Path> file = SharedData.file(relative);
        Assumptions.assumeTrue(file.isPresent(), SharedData.skipReason(relative));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SubjectEvaluation.Result result = evaluation.run(file.get(), SubjectEvaluation.DEFAULT_TRAIN_FRACTION,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        SubjectEvaluation.Result without = SubjectEvaluation.withoutPrior(taxonomy).evaluate(
                SubjectEvaluation.read(file.get()), "sample", SubjectEvaluation.DEFAULT_TRAIN_FRACTION);

        assertThat(result.trainPapers()).isEqualTo(800);
        assertThat(result.testPapers()).isEqualTo(200);
        assertThat(result.problems()).isEmpty();
        // Measured (docs/tags.md): with the 2024 RSS prior at weight 0.5, archive 0.815 / top-1 0.595 / top-3
        // 0.745; without it 0.810 / 0.625 / 0.725. Regression guards with two to four test papers of margin. The
        // issue's goal of 0.85 is not reached.
        assertThat(result.archiveAccuracy()).isGreaterThanOrEqualTo(0.795);
        assertThat(result.categoryTop1()).isGreaterThanOrEqualTo(0.585);
        assertThat(result.categoryTop3()).isGreaterThanOrEqualTo(0.73);
        assertThat(without.archiveAccuracy()).isGreaterThanOrEqualTo(0.80);
        assertThat(without.categoryTop1()).isGreaterThanOrEqualTo(0.61);
        assertThat(without.categoryTop3()).isGreaterThanOrEqualTo(0.71);
    }

    @Test
    void shouldClassifyTheRealSampleFromThePriorAloneBeforeLearningAnything() throws IOException {
        String relative = "data/arxiv-metadata-oai-snapshot.sample1000.jsonl";
        Optional<Path> file = SharedData.file(relative);
        Assumptions.assumeTrue(file.isPresent(), SharedData.skipReason(relative));
        List<LabelledPaper> test = SubjectEvaluation.read(file.get()).papers().subList(800, 1000);
        SubjectClassifier fromPrior = new SubjectClassifier(taxonomy, SubjectPrior.load(),
                SubjectClassifier.DEFAULT_PRIOR_WEIGHT);

        long hits = test.stream().filter(paper -> fromPrior.predict(paper.title(), paper.abstractText())
                .bestArchive().orElseThrow().code()
                .equals(taxonomy.archiveOf(paper.categories().get(0)).orElseThrow())).count();

        // Measured 137 of 200 (0.685) with no paper of the sample learnt; without a prior there is no prediction.
        assertThat(hits).isGreaterThanOrEqualTo(133);
        assertThat(new SubjectClassifier(taxonomy).predict(test.get(0).title(), test.get(0).abstractText())
                .bestArchive()).isEmpty();
    }
}
