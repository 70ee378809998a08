package io.paperwire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordEvaluationTest {

    private final KeywordEvaluation evaluation = new KeywordEvaluation();

    private static final List<KeywordEvaluation.Document> DOCUMENTS = List.of(
            new KeywordEvaluation.Document("a", "t", "x",
                    List.of("neural networks", "Image Classification", "dropout")),
            new KeywordEvaluation.Document("b", "t", "x",
                    List.of("support vector machines", "kernel", "margin", "hinge loss")),
            new KeywordEvaluation.Document("c", "t", "x", List.of()));

    private static final Map<String, List<String>> PREDICTIONS = Map.of(
            // "Neural Networks" repeats "neural network" after stemming and is dropped, so "dropout" is 5th.
            "a", List.of("neural network", "image classifications", "training", "Neural Networks", "layers",
                    "dropout", "relu", "batch", "gradient", "loss", "momentum", "epoch"),
            // Only three predictions: P@k still divides by k.
            "b", List.of("kernels", "svm", "hinge-loss"),
            "c", List.of("anything"));

    @Test
    void shouldComputeHandCheckedPrecisionRecallAndF1PerDocumentThenAverage() {
        KeywordEvaluation.Report report = evaluation.score("hand", "none", DOCUMENTS,
                document -> PREDICTIONS.get(document.id()));

        // a: 3 of top 5 correct, 3 gold -> P 0.6 R 1 F1 0.75;   top 10 -> P 0.3 R 1 F1 0.6/1.3
        // b: 2 correct of 4 gold        -> P 0.4 R 0.5 F1 0.4/0.9; top 10 -> P 0.2 R 0.5 F1 0.2/0.7
        assertThat(report.at(5).precision()).isCloseTo(0.5, within(1e-9));
        assertThat(report.at(5).recall()).isCloseTo(0.75, within(1e-9));
        assertThat(report.at(5).f1()).isCloseTo((0.75 + 0.4 / 0.9) / 2, within(1e-9));
        assertThat(report.at(10).precision()).isCloseTo(0.25, within(1e-9));
        assertThat(report.at(10).recall()).isCloseTo(0.75, within(1e-9));
        assertThat(report.at(10).f1()).isCloseTo((0.6 / 1.3 + 0.2 / 0.7) / 2, within(1e-9));
        assertThat(report.documentsWithoutGold()).isEqualTo(1);
        assertThat(report.format()).contains("P@5=0.500 R@5=0.750 F1@5=0.597", "P@10=0.250 R@10=0.750 F1@10=0.374",
                "1 left out for having no gold keyphrases");
    }

    @Test
    void shouldReadJsonLinesSkippingBlankOnes() throws IOException {
        String lines = "{\"id\":\"1\",\"title\":\"T\",\"abstract\":\"A\",\"keyphrases\":[\"k1\",\"k2\"]}\n\n"
                + "{\"id\":2,\"title\":\"T2\",\"abstract\":\"A2\",\"keyphrases\":[]}\n";

        List<KeywordEvaluation.Document> documents =
                KeywordEvaluation.read(new BufferedReader(new StringReader(lines)), "test");

        assertThat(documents).containsExactly(new KeywordEvaluation.Document("1", "T", "A", List.of("k1", "k2")),
                new KeywordEvaluation.Document("2", "T2", "A2", List.of()));
    }

    @Test
    void shouldNameTheLineOfBadInput() {
        String good = "{\"id\":\"1\",\"title\":\"T\",\"abstract\":\"A\",\"keyphrases\":[]}\n";

        assertThatThrownBy(() -> KeywordEvaluation.read(
                new BufferedReader(new StringReader(good + "{not json\n")), "gold.jsonl"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gold.jsonl line 2");
        assertThatThrownBy(() -> KeywordEvaluation.read(new BufferedReader(new StringReader(
                good + good + "{\"id\":\"3\",\"title\":\"T\",\"abstract\":\"A\"}\n")), "gold.jsonl"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gold.jsonl line 3").hasMessageContaining("keyphrases");
        assertThatThrownBy(() -> KeywordEvaluation.read(new BufferedReader(new StringReader(
                "{\"id\":\"1\",\"abstract\":\"A\",\"keyphrases\":[]}\n")), "gold.jsonl"))
                .hasMessageContaining("line 1").hasMessageContaining("'title'");
    }

    @Test
    void shouldEvaluateTheExtractorWithFrequenciesLearntFromTheDatasetAndSaySo() {
        List<KeywordEvaluation.Document> documents = List.of(
                new KeywordEvaluation.Document("1", "Tidal heating of icy moons",
                        "Tidal heating keeps subsurface oceans of icy moons liquid. We model tidal heating with a"
                                + " viscoelastic rheology and find thicker ice shells for small moons.",
                        List.of("tidal heating", "icy moons", "subsurface oceans", "ice shell thickness")),
                new KeywordEvaluation.Document("2", "Soil moisture retrieval from radar",
                        "Soil moisture is retrieved from synthetic aperture radar backscatter with a change"
                                + " detection method, validated against in situ probes.",
                        List.of("soil moisture", "synthetic aperture radar", "change detection")));

        KeywordEvaluation.Report report = evaluation.evaluateExtractor(documents);

        assertThat(report.format()).contains("learnt from the dataset itself", "P@5=", "P@10=");
        assertThat(report.at(5).recall()).isGreaterThan(0.3);
        assertThat(report.at(10).f1()).isBetween(0.0, 1.0);
    }
}
