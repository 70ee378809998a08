package io.paperwire.notify.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.embedded.SharedData;
import io.paperwire.schemas.Author;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperLinks;
import io.paperwire.schemas.Tag;
import io.paperwire.schemas.TagKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Enriched papers for tests: built by hand ({@link #paper}), from our own small fixture set ({@link #fixtures()}),
 * or read where it lies from the shared arXiv sample ({@link #arxivSample()}). The sample has no keywords or topic
 * tags, so this stands in for the enricher: subject tags from the categories, topic tags and keywords for the
 * vocabulary phrases the text contains.
 */
public final class TestPapers {

    static final String ARXIV_SAMPLE = "data/arxiv-metadata-oai-snapshot.sample1000.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestPapers() {
    }

    /** A paper with the given parts; keywords and tags given as plain strings. */
    static EnrichedPaper paper(String key, String title, String abstractText, List<String> authors,
                               List<String> categories, List<String> keywords, List<String> tags,
                               double trending) {
        List<Tag> tagRecords = new ArrayList<>();
        for (String tag : tags) {
            tagRecords.add(Tag.newBuilder().setTag(tag).setKind(TagKind.TOPIC).setConfidence(0.9)
                    .setOrigin("test").build());
        }
        List<Keyword> keywordRecords = new ArrayList<>();
        for (String keyword : keywords) {
            keywordRecords.add(Keyword.newBuilder().setPhrase(keyword)
                    .setNormalized(keyword.toLowerCase(Locale.ROOT)).setScore(1.0).build());
        }
        Paper paper = Paper.newBuilder()
                .setKey(key)
                .setSource("file")
                .setVersion(1)
                .setTitle(title)
                .setAbstractText(abstractText)
                .setAuthors(authors.stream().map(n -> Author.newBuilder().setName(n).build()).toList())
                .setCategories(categories)
                .setPrimaryCategory(categories.isEmpty() ? null : categories.get(0))
                .setLinks(PaperLinks.newBuilder().build())
                .setIngestedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .build();
        return EnrichedPaper.newBuilder()
                .setPaper(paper)
                .setKeywords(keywordRecords)
                .setTags(tagRecords)
                .setTrendingScore(trending)
                .setEnricherVersion("test")
                .setEnrichedAt(Instant.parse("2026-01-01T00:00:01Z"))
                .build();
    }

    /** A dozen papers written for these tests (not taken from any source). */
    static List<EnrichedPaper> fixtures() {
        return List.of(
                paper("test:1", "Sparse Mixture of Experts for Efficient Language Models",
                        "We route each token to two experts of a sparse mixture of experts layer and train large "
                                + "language models with half the compute.",
                        List.of("Wei Wang", "Laura Müller"), List.of("cs.LG", "cs.CL"),
                        List.of("mixture of experts", "language models"),
                        List.of("cs.LG", "mixture of experts", "large language models"), 2.5),
                paper("test:2", "Entanglement Entropy of Lattice Fermions",
                        "We compute the entanglement entropy of free fermions on a lattice and find a "
                                + "logarithmic violation of the area law.",
                        List.of("José Pérez", "Anna Horváth"), List.of("quant-ph", "cond-mat.str-el"),
                        List.of("entanglement entropy"), List.of("quant-ph", "quantum information"), 0.4),
                paper("test:3", "Dark Matter Halos of Dwarf Galaxies",
                        "Rotation curves of dwarf galaxies constrain the inner slope of dark matter halos; we "
                                + "find cores rather than cusps.",
                        List.of("Maria Silva", "Peter Jensen"), List.of("astro-ph.GA", "astro-ph.CO"),
                        List.of("dark matter halo", "rotation curves"), List.of("astro-ph.GA", "dark matter"), 1.2),
                paper("test:4", "Gradient Descent on Riemannian Manifolds",
                        "We prove convergence rates for Riemannian gradient descent under geodesic convexity "
                                + "and apply them to matrix completion.",
                        List.of("C. Bal\\'azs", "Thomas Schmidt"), List.of("math.OC", "cs.LG"),
                        List.of("gradient descent", "riemannian manifold"), List.of("math.OC", "optimization"), 0.0),
                paper("test:5", "Superconductivity in Twisted Bilayer Graphene",
                        "Near the magic angle, twisted bilayer graphene shows superconducting domes next to "
                                + "correlated insulating states.",
                        List.of("Jun Tanaka", "Hiroshi Sato"), List.of("cond-mat.supr-con", "cond-mat.str-el"),
                        List.of("twisted bilayer graphene"), List.of("cond-mat.supr-con", "superconductivity"), 3.1),
                paper("test:6", "Gravitational Waves from Binary Neutron Stars",
                        "We model the gravitational wave signal of binary neutron star mergers including tidal "
                                + "effects and compare with detector sensitivity.",
                        List.of("Michael Brown", "Elena Rossi"), List.of("gr-qc", "astro-ph.HE"),
                        List.of("gravitational wave", "neutron star"), List.of("gr-qc", "gravitational waves"), 0.9),
                paper("test:7", "A Transformer for Protein Folding",
                        "A transformer trained on sequence alignments predicts protein structure; attention maps "
                                + "recover contact maps.",
                        List.of("Priya Sharma", "David Cohen"), List.of("q-bio.BM", "cs.LG"),
                        List.of("protein folding", "transformer"), List.of("q-bio.BM", "protein structure"), 4.0),
                paper("test:8", "Random Matrix Theory of Spin Glasses",
                        "The spectrum of the Hessian in the spin glass phase follows a random matrix law; we "
                                + "study the phase transition.",
                        List.of("Sergei Ivanov", "Olga Petrov"), List.of("cond-mat.dis-nn", "math-ph"),
                        List.of("random matrix", "spin glass", "phase transition"),
                        List.of("cond-mat.dis-nn", "statistical mechanics"), 0.2),
                paper("test:9", "Federated Learning with Differential Privacy",
                        "Clients train a shared model without sharing data; we add differential privacy noise "
                                + "to the updates and bound the utility loss.",
                        List.of("Wei Wang", "Ahmed Hassan"), List.of("cs.CR", "cs.LG"),
                        List.of("federated learning", "differential privacy"),
                        List.of("cs.CR", "federated learning", "privacy"), 1.7),
                paper("test:10", "Elliptic Curves over Finite Fields",
                        "We count points on elliptic curves over finite fields and relate the error term to "
                                + "modular forms.",
                        List.of("Ingrid Nielsen", "Paolo Ferrari"), List.of("math.NT", "math.AG"),
                        List.of("elliptic curves", "modular forms"), List.of("math.NT", "number theory"), 0.1),
                paper("test:11", "Optical Lattice Clocks with Cold Atoms",
                        "Cold atoms in an optical lattice give a clock with a fractional instability below one "
                                + "part in ten to the eighteen.",
                        List.of("Laura Martin", "John Smith"), List.of("physics.atom-ph", "physics.optics"),
                        List.of("optical lattice", "cold atoms"), List.of("physics.atom-ph"), 0.6),
                paper("test:12", "Diffusion Models for Image Segmentation",
                        "A diffusion model denoises segmentation masks conditioned on the image and beats "
                                + "discriminative baselines.",
                        List.of("Anna Kowalski", "Chen Li"), List.of("cs.CV"),
                        List.of("diffusion model", "image segmentation"),
                        List.of("cs.CV", "diffusion models", "computer vision"), 2.2));
    }

    /** The shared 1000-record arXiv sample as enriched papers, when the shared folder is present. */
    public static Optional<List<EnrichedPaper>> arxivSample() {
        return SharedData.file(ARXIV_SAMPLE).map(TestPapers::readArxivJsonLines);
    }

    static List<EnrichedPaper> readArxivJsonLines(Path file) {
        List<EnrichedPaper> papers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    papers.add(fromArxivJson(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return papers;
    }

    private static EnrichedPaper fromArxivJson(JsonNode node) {
        String id = node.get("id").asText();
        String title = node.get("title").asText().replaceAll("\\s+", " ").strip();
        String abstractText = node.get("abstract").asText().replaceAll("\\s+", " ").strip();
        List<String> authors = new ArrayList<>();
        for (JsonNode parsed : node.get("authors_parsed")) {
            String last = parsed.get(0).asText();
            String first = parsed.size() > 1 ? parsed.get(1).asText() : "";
            authors.add((first + " " + last).strip());
        }
        List<String> categories = Arrays.asList(node.get("categories").asText().split("\\s+"));
        String text = (title + " " + abstractText).toLowerCase(Locale.ROOT);
        List<String> keywords = QueryVocabulary.PHRASES.stream().filter(text::contains).toList();
        List<String> tags = new ArrayList<>(categories);
        for (String topic : QueryVocabulary.TOPIC_TAGS) {
            String singular = topic.endsWith("s") ? topic.substring(0, topic.length() - 1) : topic;
            if (text.contains(singular)) {
                tags.add(topic);
            }
        }
        double trending = Math.floorMod(id.hashCode(), 50) / 10.0;
        return paper("arxiv:" + id, title, abstractText, authors, categories, keywords, tags, trending);
    }

    /** The corpus repeated to {@code count} papers, each copy with its own key. */
    public static List<EnrichedPaper> replicate(List<EnrichedPaper> base, int count) {
        List<EnrichedPaper> papers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            EnrichedPaper original = base.get(i % base.size());
            Paper paper = Paper.newBuilder(original.getPaper())
                    .setKey(original.getPaper().getKey() + "#" + (i / base.size())).build();
            papers.add(EnrichedPaper.newBuilder(original).setPaper(paper).build());
        }
        return papers;
    }
}
