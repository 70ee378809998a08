package io.paperwire.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.paperwire.schemas.TagKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectClassifierTest {

    private final ArxivTaxonomy taxonomy = ArxivTaxonomy.load();

    /** Hand-written training papers: three clearly different archives. */
    static void trainOnToyPapers(SubjectClassifier classifier) {
        classifier.train("Supernova light curves in distant galaxies",
                "We observe supernova explosions in distant galaxies with a wide-field telescope and measure "
                        + "their luminosity and redshift.", List.of("astro-ph.HE", "astro-ph.CO"));
        classifier.train("Star formation in dwarf galaxies",
                "Telescope observations of dwarf galaxies show star formation driven by gas accretion and "
                        + "stellar feedback.", List.of("astro-ph.GA"));
        classifier.train("Redshift survey of galaxy clusters",
                "A redshift survey with a ground telescope maps galaxy clusters and their dark halos.",
                List.of("astro-ph.CO"));
        classifier.train("A proof of a conjecture on manifolds",
                "We prove the conjecture for compact manifolds: every such manifold admits a metric, and the "
                        + "theorem follows from a lemma on curvature.", List.of("math.DG"));
        classifier.train("Ideals in commutative rings",
                "We prove a theorem on prime ideals of commutative rings and give a lemma on modules over them.",
                List.of("math.AC", "math.RA"));
        classifier.train("Cohomology of algebraic varieties",
                "The theorem computes the cohomology of smooth projective varieties; the proof uses a lemma on "
                        + "sheaves.", List.of("math.AG"));
        classifier.train("A faster compiler for functional programs",
                "Our compiler optimises functional programs; the software runs benchmarks faster and the "
                        + "algorithm scales to large code bases.", List.of("cs.PL", "cs.SE"));
        classifier.train("Routing protocols for wireless sensor networks",
                "We design a routing protocol and an algorithm for packet scheduling in wireless networks, "
                        + "implemented in open-source software.", List.of("cs.NI"));
        classifier.train("Learning to rank search results",
                "An algorithm learns to rank search results from user clicks; the software is evaluated on web "
                        + "queries.", List.of("cs.IR", "cs.LG"));
    }

    @Test
    void shouldPredictTheArchiveOfAnUnseenPaperBestFirstWithConfidencesSummingToOne() {
        SubjectClassifier classifier = new SubjectClassifier(taxonomy);
        trainOnToyPapers(classifier);

        SubjectPrediction astro = classifier.predict("Telescope survey of supernova hosts",
                "We observe galaxies hosting supernova explosions and measure their redshift.");
        SubjectPrediction math = classifier.predict("A lemma on manifolds",
                "We prove a theorem on curvature of compact manifolds.");
        SubjectPrediction cs = classifier.predict("Scheduling software",
                "An algorithm for packet routing in networks, implemented in software.");

        assertThat(astro.bestArchive().orElseThrow().code()).isEqualTo("astro-ph");
        assertThat(astro.bestArchive().orElseThrow().name()).isEqualTo("Astrophysics");
        assertThat(math.bestArchive().orElseThrow().code()).isEqualTo("math");
        assertThat(cs.bestArchive().orElseThrow().code()).isEqualTo("cs");
        assertThat(math.categories().get(0).code()).isEqualTo("math.DG");
        assertThat(astro.archives()).hasSize(3)
                .isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
        assertThat(astro.archives().stream().mapToDouble(SubjectPrediction.Scored::confidence).sum())
                .isCloseTo(1.0, within(1e-9));
        assertThat(astro.trainedPapers()).isEqualTo(9);
    }

    @Test
    void shouldLearnCrossListsAsCategoriesButNotAsTheArchive() {
        SubjectClassifier classifier = new SubjectClassifier(taxonomy);
        trainOnToyPapers(classifier);
        SubjectPrediction prediction = classifier.predict("x", "ranking");
        assertThat(prediction.categories()).extracting(SubjectPrediction.Scored::code).contains("cs.LG", "math.RA");
        assertThat(prediction.archives()).extracting(SubjectPrediction.Scored::code)
                .containsExactlyInAnyOrder("astro-ph", "math", "cs");
    }

    @Test
    void shouldPredictNothingBeforeTrainingAndSkipPapersItCannotLearnFrom() {
        SubjectClassifier classifier = new SubjectClassifier(taxonomy);
        assertThat(classifier.predict("Anything", "at all").isEmpty()).isTrue();

        assertThat(classifier.train("A title", "An abstract", List.of("cs.UNKNOWN", "cs.LG"))).isFalse();
        assertThat(classifier.train("A title", "An abstract", List.of())).isFalse();
        assertThat(classifier.train("", "$x$", List.of("cs.LG"))).isFalse();
        assertThat(classifier.trainedPapers()).isZero();
        assertThat(classifier.train("A title", "An abstract", List.of("alg-geom"))).isTrue();
        assertThat(classifier.predict("A title", "").archives()).extracting(SubjectPrediction.Scored::code)
                .containsExactly("math");
        assertThat(classifier.predict("A title", "").categories()).extracting(SubjectPrediction.Scored::code)
                .containsExactly("math.AG");
    }

    @Test
    void shouldPredictExactlyTheSameAfterARoundTripThroughBytes() {
        SubjectClassifier classifier = new SubjectClassifier(taxonomy);
        trainOnToyPapers(classifier);

        SubjectClassifier restored = SubjectClassifier.fromBytes(classifier.toBytes(), taxonomy);

        String title = "Galaxy redshift lemma";
        String abstractText = "A theorem on telescope software.";
        assertThat(restored.predict(title, abstractText)).isEqualTo(classifier.predict(title, abstractText));
        assertThat(restored.trainedPapers()).isEqualTo(9);
        restored.train("Compiler passes", "A compiler algorithm.", List.of("cs.PL"));
        assertThat(restored.trainedPapers()).isEqualTo(10);
    }

    @Test
    void shouldHashFeaturesExactlyAsFnvOverTheirUtf8Bytes() {
        for (String feature : List.of("transform", "sparse expert", "schrödinger equat", "Ω-model",
                "\u6f22\u5b57 text", "emoji \ud83d\ude00 face", "lone \ud83d surrogate", "")) {
            int hash = 0x811c9dc5;
            for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * 0x01000193;
            }
            assertThat(SubjectClassifier.bucket(feature)).as(feature)
                    .isEqualTo(hash & ((1 << SubjectClassifier.HASH_BITS) - 1));
        }
    }

    @Test
    void shouldFeatureUnigramsAndBigramsWithinTitleAndWithinAbstractOnly() {
        SubjectClassifier classifier = new SubjectClassifier(ArxivTaxonomy.load());

        var features = classifier.features("Sparse experts", "Routing tokens to experts");

        assertThat(features.keySet()).containsExactlyInAnyOrder(
                SubjectClassifier.bucket("spars"), SubjectClassifier.bucket("expert"),
                SubjectClassifier.bucket("spars expert"), SubjectClassifier.bucket("rout"),
                SubjectClassifier.bucket("token"), SubjectClassifier.bucket("rout token"),
                SubjectClassifier.bucket("token expert"));
        assertThat(features.get(SubjectClassifier.bucket("expert"))).isEqualTo((float) Math.log1p(2));
    }

    @Test
    void shouldRefuseBytesThatAreNotItsState() {
        assertThatThrownBy(() -> SubjectClassifier.fromBytes(new byte[] {1, 2, 3}, taxonomy))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corrupt subject classifier state");
        byte[] state = new SubjectClassifier(taxonomy).toBytes();
        byte[] truncated = java.util.Arrays.copyOf(state, state.length - 12);
        assertThatThrownBy(() -> SubjectClassifier.fromBytes(truncated, taxonomy))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTurnPredictionsIntoLearnedSubjectTags() {
        SubjectClassifier classifier = new SubjectClassifier(taxonomy);
        trainOnToyPapers(classifier);
        SubjectPrediction prediction = classifier.predict("A lemma on manifolds",
                "We prove a theorem on curvature of compact manifolds.");

        List<TagMatch> tags = prediction.toTags(2, 0.0);

        assertThat(tags).hasSize(2);
        assertThat(tags.get(0).tag()).isEqualTo("math.DG");
        assertThat(tags.get(0).label()).isEqualTo("Differential Geometry");
        assertThat(tags.get(0).kind()).isEqualTo(TagKind.LEARNED_SUBJECT);
        assertThat(tags.get(0).origin()).isEqualTo("classifier:" + SubjectClassifier.VERSION_WITHOUT_PRIOR);
        assertThat(tags.get(0).evidence()).startsWith("archive math (").endsWith("learnt from 9 papers");
        assertThat(prediction.toTags(5, 1.01)).isEmpty();
    }

    /** A prior from the toy papers, as the generator builds one from a feed (every feature kept). */
    static SubjectPrior toyPrior(ArxivTaxonomy taxonomy) {
        SubjectClassifier source = new SubjectClassifier(taxonomy);
        trainOnToyPapers(source);
        return SubjectPrior.of("toy", source, 1);
    }

    @Test
    void shouldPredictFromThePriorAloneAsIfItHadLearntThePriorsPapers() {
        SubjectPrior prior = toyPrior(taxonomy);
        SubjectClassifier fromPrior = new SubjectClassifier(taxonomy, prior, 1.0);
        SubjectClassifier trained = new SubjectClassifier(taxonomy);
        trainOnToyPapers(trained);

        SubjectPrediction predicted = fromPrior.predict("A lemma on manifolds",
                "We prove a theorem on curvature of compact manifolds.");
        SubjectPrediction expected = trained.predict("A lemma on manifolds",
                "We prove a theorem on curvature of compact manifolds.");

        assertThat(fromPrior.trainedPapers()).isZero();
        assertThat(fromPrior.version()).isEqualTo(SubjectClassifier.VERSION);
        assertThat(predicted.origin()).isEqualTo("classifier:" + SubjectClassifier.VERSION);
        assertThat(predicted.bestArchive().orElseThrow().code()).isEqualTo("math");
        assertThat(predicted.categories().get(0).code()).isEqualTo("math.DG");
        assertThat(predicted.archives()).extracting(SubjectPrediction.Scored::code)
                .containsExactlyElementsOf(expected.archives().stream().map(SubjectPrediction.Scored::code)
                        .toList());
        for (int i = 0; i < expected.archives().size(); i++) {
            assertThat(predicted.archives().get(i).confidence())
                    .isCloseTo(expected.archives().get(i).confidence(), within(1e-3));
        }
    }

    @Test
    void shouldWeighThePriorAgainstWhatItLearns() {
        SubjectPrior prior = toyPrior(taxonomy);
        // Three live papers call "manifold curvature" condensed matter; a light prior gives way, a heavy one not.
        java.util.function.DoubleFunction<String> bestArchiveAtWeight = weight -> {
            SubjectClassifier classifier = new SubjectClassifier(taxonomy, prior, weight);
            for (int i = 0; i < 3; i++) {
                classifier.train("Curvature of manifolds in crystals", "Manifold curvature theorem lemma in "
                        + "crystals and metals, compact manifolds.", List.of("cond-mat.mtrl-sci"));
            }
            return classifier.predict("A lemma on manifolds", "We prove a theorem on curvature of compact "
                    + "manifolds.").bestArchive().orElseThrow().code();
        };

        assertThat(bestArchiveAtWeight.apply(0.1)).isEqualTo("cond-mat");
        assertThat(bestArchiveAtWeight.apply(20)).isEqualTo("math");
        assertThatThrownBy(() -> new SubjectClassifier(taxonomy, prior, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepThePriorInItsStateAndAddItToAStateSavedWithoutOne() {
        SubjectPrior prior = toyPrior(taxonomy);
        SubjectClassifier started = new SubjectClassifier(taxonomy, prior, 0.5);
        started.train("Routing in networks", "A routing algorithm for wireless networks.", List.of("cs.NI"));
        SubjectClassifier oldBuild = new SubjectClassifier(taxonomy);
        oldBuild.train("Routing in networks", "A routing algorithm for wireless networks.", List.of("cs.NI"));
        String title = "Telescope survey";
        String abstractText = "We observe galaxies and supernova explosions with a telescope.";

        SubjectClassifier restored = SubjectClassifier.fromBytes(started.toBytes(), taxonomy, prior, 0.5);
        SubjectClassifier upgraded = SubjectClassifier.fromBytes(oldBuild.toBytes(), taxonomy, prior, 0.5);

        assertThat(restored.priorName()).isEqualTo("toy");
        assertThat(restored.priorWeight()).isEqualTo(0.5);
        assertThat(restored.trainedPapers()).isEqualTo(1);
        assertThat(upgraded.priorName()).isEqualTo("toy");
        assertThat(upgraded.trainedPapers()).isEqualTo(1);
        assertSamePrediction(restored.predict(title, abstractText), started.predict(title, abstractText));
        assertSamePrediction(upgraded.predict(title, abstractText), started.predict(title, abstractText));
        assertThat(SubjectClassifier.fromBytes(started.toBytes(), taxonomy).priorName()).isEqualTo("toy");
    }

    @Test
    void shouldRefuseAStateBuiltOnAnotherPriorOrWeight() {
        SubjectPrior prior = toyPrior(taxonomy);
        byte[] state = new SubjectClassifier(taxonomy, prior, 0.5).toBytes();

        assertThatThrownBy(() -> SubjectClassifier.fromBytes(state, taxonomy, prior, 1.0))
                .isInstanceOf(SubjectClassifier.PriorMismatchException.class)
                .hasMessageContaining("prior toy at weight 0.5");
    }

    /** Same labels in the same order, confidences equal up to float rounding of summed weights. */
    private static void assertSamePrediction(SubjectPrediction actual, SubjectPrediction expected) {
        assertThat(actual.origin()).isEqualTo(expected.origin());
        assertThat(actual.trainedPapers()).isEqualTo(expected.trainedPapers());
        for (var lists : List.of(List.of(actual.archives(), expected.archives()),
                List.of(actual.categories(), expected.categories()))) {
            assertThat(lists.get(0)).hasSameSizeAs(lists.get(1));
            for (int i = 0; i < lists.get(0).size(); i++) {
                assertThat(lists.get(0).get(i).code()).isEqualTo(lists.get(1).get(i).code());
                assertThat(lists.get(0).get(i).confidence()).isCloseTo(lists.get(1).get(i).confidence(),
                        within(1e-6));
            }
        }
    }

    @Test
    void shouldReadTheSameFeaturesFromTheSharedAnalysisAsFromTheText() {
        SubjectClassifier classifier = new SubjectClassifier(taxonomy);
        String title = "Schrödinger's equation for $\\Lambda_{\\alpha}$ bosons";
        String abstractText = "We solve the Schrodinger equation; the \\emph{bosons} condense.";

        var fromText = classifier.features(title, abstractText);
        var vector = classifier.featureVector(io.paperwire.enrich.keywords.AnalyzedText.of(title, abstractText));

        assertThat(vector.size()).isEqualTo(fromText.size());
        for (int i = 0; i < vector.size(); i++) {
            assertThat(fromText).containsEntry(vector.id(i), vector.weight(i));
        }
        // ASCII folding: the accented and the plain spelling are one feature; LaTeX math yields none.
        assertThat(fromText.get(SubjectClassifier.bucket("schroding"))).isEqualTo((float) Math.log1p(2));
        assertThat(fromText).containsKey(SubjectClassifier.bucket("schroding equat"));
        assertThat(fromText).doesNotContainKey(SubjectClassifier.bucket("lambda"));
    }

    @Test
    void shouldReadEachPapersFeaturesAfreshInTheReusedVector() {
        SubjectClassifier reused = new SubjectClassifier(taxonomy);
        reused.featureVector(io.paperwire.enrich.keywords.AnalyzedText.of("Sparse experts in large language models",
                "Routing tokens to experts with a learned gate; experts specialise and the router balances load "
                        + "across many experts and many devices."));
        var second = reused.featureVector(io.paperwire.enrich.keywords.AnalyzedText.of("Dark halos",
                "Galaxy clusters and their dark halos."));
        var fresh = new SubjectClassifier(taxonomy).features("Dark halos", "Galaxy clusters and their dark halos.");

        assertThat(second.size()).isEqualTo(fresh.size());
        for (int i = 0; i < second.size(); i++) {
            assertThat(fresh).containsEntry(second.id(i), second.weight(i));
        }
    }

    @Test
    void shouldLearnEachCategoryOnceWhenCrossListsRepeatThePrimaryOrEachOther() {
        String title = "Quantum field theory on curved manifolds";
        String abstractText = "We quantise a scalar field on a curved manifold and prove a theorem on its states.";
        SubjectClassifier repeated = new SubjectClassifier(taxonomy);
        SubjectClassifier once = new SubjectClassifier(taxonomy);

        // math.MP is an alias of math-ph: the cross-list names the primary again.
        repeated.train(title, abstractText, List.of("math-ph", "math.MP", "hep-th", "nonsense.XX", "hep-th",
                "gr-qc"));
        once.train(title, abstractText, List.of("math-ph", "hep-th", "gr-qc"));

        assertThat(repeated.toBytes()).isEqualTo(once.toBytes());
        assertThat(repeated.categoryModel().weightsByLabel()).containsOnlyKeys("math-ph", "hep-th", "gr-qc");
    }
}
