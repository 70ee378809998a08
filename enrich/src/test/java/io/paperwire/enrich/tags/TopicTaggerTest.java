package io.paperwire.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.paperwire.enrich.keywords.AnalyzedText;
import io.paperwire.enrich.keywords.ExtractedKeyword;
import io.paperwire.enrich.keywords.KeywordExtractor;
import io.paperwire.enrich.keywords.PlacedKeyword;
import io.paperwire.enrich.keywords.SeededDocumentFrequencies;
import io.paperwire.schemas.TagKind;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {

    private static final TopicTaxonomy SMALL = TopicTaxonomy.parse(new StringReader("""
            version: "test-1"
            topics:
              - name: mixture of experts
                area: machine learning
                phrases: [sparse expert model]
                acronyms: [MoE]
                categories: [cs.LG]
              - name: dark matter
                area: physics
                acronyms: [WIMP]
                categories: [astro-ph]
            """), "small.yaml");

    private final TopicTagger tagger = new TopicTagger(SMALL);

    @Test
    void shouldScoreTitleAboveAbstractAndExplainWithTheTextThatFired() {
        List<TagMatch> tags = tagger.tag("Routing in Mixture-of-Experts Transformers",
                "A sparse expert model sends each token to two experts. Each MoE layer is load-balanced.");

        assertThat(tags).hasSize(1);
        TagMatch moe = tags.get(0);
        assertThat(moe.tag()).isEqualTo("mixture of experts");
        assertThat(moe.label()).isEqualTo("Mixture of experts");
        assertThat(moe.kind()).isEqualTo(TagKind.TOPIC);
        assertThat(moe.origin()).isEqualTo("taxonomy:test-1");
        // title phrase 0.55 + abstract (1 phrase + ½ acronym = 1.5 units: 0.35 + 0.1 × 0.5) = 0.95
        assertThat(moe.confidence()).isCloseTo(0.95, within(1e-9));
        assertThat(moe.evidence()).isEqualTo("title: \"Mixture-of-Experts\"");
    }

    @Test
    void shouldNeedARelatedCategoryBeforeALoneAcronymCounts() {
        String abstractText = "We bound the MoE capacity.";
        assertThat(tagger.tag("Capacity bounds", abstractText)).isEmpty();

        List<TagMatch> tags = tagger.tag("Capacity bounds", abstractText, List.of(), List.of("cs.LG", "stat.ML"));
        // ½ acronym unit in the abstract: 0.35 × 0.5 = 0.175, plus 0.15 for cs.LG
        assertThat(tags).singleElement().satisfies(tag -> {
            assertThat(tag.confidence()).isCloseTo(0.325, within(1e-9));
            assertThat(tag.evidence()).isEqualTo("abstract: \"MoE\"; category cs.LG");
        });
    }

    @Test
    void shouldMatchPluralAcronymsCaseSensitivelyAndArchivesAsCategoryPrefixes() {
        List<TagMatch> tags = tagger.tag("Halo searches", "Limits on WIMPs from the halo.", List.of(),
                List.of("astro-ph.CO"));
        assertThat(tags).extracting(TagMatch::tag).containsExactly("dark matter");
        assertThat(tags.get(0).confidence()).isCloseTo(0.325, within(1e-9));

        assertThat(tagger.tag("Halo searches", "A wimp of a signal.", List.of(), List.of("astro-ph.CO"))).isEmpty();
    }

    @Test
    void shouldReadATokenAsAPluralAcronymOnlyWhenItIsNoAcronymItselfAndLongerThanTwoCharacters() {
        TopicTagger acronyms = new TopicTagger(TopicTaxonomy.parse(new StringReader("""
                version: "test-2"
                topics:
                  - name: generative adversarial network
                    acronyms: [GAN]
                  - name: gated additive networks
                    acronyms: [GANs]
                  - name: x topic
                    acronyms: [X]
                """), "acronyms.yaml"), 0.1, 10);

        assertThat(acronyms.tag("Notes", "We train a GAN.")).extracting(TagMatch::tag)
                .containsExactly("generative adversarial network");
        assertThat(acronyms.tag("Notes", "We train GANs.")).extracting(TagMatch::tag)
                .containsExactly("gated additive networks");
        assertThat(acronyms.tag("Notes", "We draw an X.")).extracting(TagMatch::tag).containsExactly("x topic");
        assertThat(acronyms.tag("Notes", "We draw Xs.")).isEmpty();
    }

    @Test
    void shouldCapRepeatedAbstractHitsAndAddKeyphrases() {
        String abstractText = "Mixture of experts one. Mixture of experts two. Mixtures of experts three. "
                + "Mixture-of-experts four. Mixture of experts five.";
        assertThat(tagger.tag("A study", abstractText).get(0).confidence()).isCloseTo(0.65, within(1e-9));

        List<TagMatch> fromKeyphrase = tagger.tag("A study", "Nothing relevant here.",
                List.of("sparse expert models", "routing"), List.of("cs.LG"));
        // keyphrase 0.25 + category 0.15
        assertThat(fromKeyphrase.get(0).confidence()).isCloseTo(0.40, within(1e-9));
        assertThat(fromKeyphrase.get(0).evidence()).startsWith("keyphrases: \"sparse expert models\"");
    }

    @Test
    void shouldIgnoreLatexMath() {
        assertThat(tagger.tag("Bounds for $\\mathrm{MoE}$", "", List.of(), List.of("cs.LG"))).isEmpty();
    }

    @Test
    void shouldApplyThresholdAndLimit() {
        TopicTagger strict = new TopicTagger(SMALL, 0.9, 1);
        assertThat(strict.tag("Mixture of experts", "A WIMP search.", List.of(), List.of("astro-ph")))
                .extracting(TagMatch::tag).isEmpty();
        TopicTagger lenient = new TopicTagger(SMALL, 0.1, 1);
        assertThat(lenient.tag("Mixture of experts", "A WIMP search.")).extracting(TagMatch::tag)
                .containsExactly("mixture of experts");
        assertThat(lenient.taxonomyVersion()).isEqualTo("test-1");
    }

    @Test
    void shouldFindTopicsOfTheDefaultTaxonomyInAHandWrittenAbstract() {
        TopicTagger defaults = new TopicTagger(TopicTaxonomy.loadDefault());
        List<TagMatch> tags = defaults.tag("Red-teaming language models trained with RLHF",
                "We study reinforcement learning from human feedback and in-context learning, "
                        + "and find jailbreak prompts that bypass the reward model.",
                List.of(), List.of("cs.CL"));

        assertThat(tags).extracting(TagMatch::tag).contains("red teaming",
                "reinforcement learning from human feedback", "in-context learning");
        assertThat(tags).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
        assertThat(tags).allSatisfy(tag -> assertThat(tag.origin())
                .isEqualTo("taxonomy:" + TopicTaxonomy.loadDefault().version()));
        TagMatch redTeaming = tags.stream().filter(t -> t.tag().equals("red teaming")).findFirst().orElseThrow();
        assertThat(redTeaming.evidence()).startsWith("title: \"Red-teaming\"");
    }

    @Test
    void shouldTagTheSharedAnalysisAsTheTextAndMatchAccentedSpellings() {
        String title = "Routing in Mixture-of-Experts Transformers for WIMPs";
        String abstractText = "A sparse expert model's router sends tokens to experts; each MoE layer and the "
                + "dark-matter halo $\\rho_{DM}$ are studied.";
        AnalyzedText text = AnalyzedText.of(title, abstractText);
        List<PlacedKeyword> placed = new KeywordExtractor(SeededDocumentFrequencies.withShippedBackground())
                .extractPlaced(text);
        List<String> keyphrases = placed.stream().map(p -> p.keyword().phrase()).toList();
        List<String> categories = List.of("astro-ph.CO");

        List<TagMatch> fromText = tagger.tag(title, abstractText, keyphrases, categories);
        List<TagMatch> fromAnalysis = tagger.tag(text, placed, categories);

        assertThat(fromAnalysis).isEqualTo(fromText);
        assertThat(fromText).extracting(TagMatch::tag).containsExactlyInAnyOrder("mixture of experts", "dark matter");
        // The analysis folds accents, so "Mixtüre of Experts" is the phrase; the text path does not fold.
        assertThat(tagger.tag(AnalyzedText.of("Mixtüre of Experts", ""), List.of(),
                List.of())).extracting(TagMatch::tag).containsExactly("mixture of experts");
        assertThat(tagger.tag("Mixtüre of Experts", "")).isEmpty();
    }

    @Test
    void shouldReadAKeyphraseFromTheAnalysisOnlyWhereTokenisingItAloneGivesTheSameTokens() {
        AnalyzedText text = AnalyzedText.of("Sparse   expert models and Mixtüre-of-Experts", "");
        double titleOnly = TopicTagger.TITLE_PHRASE;
        assertThat(moeConfidence(text, List.of())).isCloseTo(titleOnly, within(1e-9));

        // Whitespace collapsed, so not the place's text verbatim: tokenised on its own, and it matches.
        PlacedKeyword collapsed = new PlacedKeyword(
                new ExtractedKeyword("Sparse expert models", "spars expert model", 1), true, 0, 22);
        assertThat(moeConfidence(text, List.of(collapsed)))
                .isCloseTo(titleOnly + TopicTagger.KEYPHRASE, within(1e-9));
        // Not ASCII: tokenised on its own, which does not fold the accent (the analysis would), so no match.
        PlacedKeyword accented = new PlacedKeyword(
                new ExtractedKeyword("Mixtüre-of-Experts", "mixtur of expert", 1), true, 27, 45);
        assertThat(moeConfidence(text, List.of(accented))).isCloseTo(titleOnly, within(1e-9));

        // Verbatim ASCII place: read from the analysis, with the same result as tokenising the phrase.
        AnalyzedText plain = AnalyzedText.of("Sparse expert models, again", "");
        ExtractedKeyword keyword = new ExtractedKeyword("Sparse expert models", "spars expert model", 1);
        List<TagMatch> fromAnalysis = tagger.tag(plain, List.of(new PlacedKeyword(keyword, true, 0, 20)), List.of());
        List<TagMatch> tokenised = tagger.tag(plain, List.of(new PlacedKeyword(keyword, true, 0, 0)), List.of());
        assertThat(fromAnalysis).isEqualTo(tokenised);
        assertThat(fromAnalysis.get(0).confidence()).isCloseTo(titleOnly + TopicTagger.KEYPHRASE, within(1e-9));
    }

    private double moeConfidence(AnalyzedText text, List<PlacedKeyword> keyphrases) {
        return tagger.tag(text, keyphrases, List.of()).stream().filter(tag -> tag.tag().equals("mixture of experts"))
                .mapToDouble(TagMatch::confidence).findFirst().orElseThrow();
    }
}
