package io.paperwire.enrich.tags;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures {@link SubjectClassifier} the way a stream would use it: learn from the earlier papers, predict the
 * later ones. Input: a JSON-lines file, one paper a line, either in the arXiv snapshot shape ({@code id, title,
 * abstract, categories} with categories one space-separated string) or as {@code {"id","title","abstract",
 * "categories":[…]}}. Output: a {@link Result} and the lines {@link Result#report()} prints — archive accuracy and
 * category top-1 / top-3 on the test part. The split is by file order: the first {@code trainFraction} of the
 * usable papers train, the rest test. Lines that cannot be read or carry no categories are counted and named in
 * the report, never silently dropped. Called by {@code paperwire eval tags --dataset FILE.jsonl}.
 *
 * <p>By default the classifier starts from the shipped {@link SubjectPrior} (counts from an arXiv announcement
 * feed of 2024, a different source than the evaluation data), as in the stream; {@link #run} then also measures
 * the same protocol without the prior and prints both. The report says which prior was used.
 */
public final class SubjectEvaluation {

    /** The default share of papers, in file order, used for training. */
    public static final double DEFAULT_TRAIN_FRACTION = 0.8;
    private static final int NAMED_PROBLEMS = 10;

    private final ArxivTaxonomy taxonomy;
    private final Optional<SubjectPrior> prior;
    private final double priorWeight;

    /** Evaluates the classifier as the stream runs it: the shipped prior at the default weight. */
    public SubjectEvaluation(ArxivTaxonomy taxonomy) {
        this(taxonomy, Optional.of(SubjectPrior.load()), SubjectClassifier.DEFAULT_PRIOR_WEIGHT);
    }

    /**
     * Evaluates a classifier that starts from {@code prior} at {@code priorWeight} (no prior when empty or when
     * the weight is 0).
     */
    public SubjectEvaluation(ArxivTaxonomy taxonomy, Optional<SubjectPrior> prior, double priorWeight) {
        this.taxonomy = java.util.Objects.requireNonNull(taxonomy, "taxonomy");
        this.prior = priorWeight > 0 ? prior : Optional.empty();
        this.priorWeight = this.prior.isPresent() ? priorWeight : 0;
    }

    /** Evaluates the classifier without any prior (what {@code eval tags --no-prior} shows). */
    public static SubjectEvaluation withoutPrior(ArxivTaxonomy taxonomy) {
        return new SubjectEvaluation(taxonomy, Optional.empty(), 0);
    }

    /** Whether the evaluated classifier starts from a prior. */
    public boolean usesPrior() {
        return prior.isPresent();
    }

    /** The papers of a dataset file and the lines that could not be used. */
    public record Dataset(List<LabelledPaper> papers, List<String> problems) {
        public Dataset {
            papers = List.copyOf(papers);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The measured figures.
     *
     * @param archiveAccuracy        share of test papers whose best archive is the primary category's archive
     * @param archiveAnyListed       share whose best archive is the archive of any of their categories
     * @param categoryTop1           share whose best category is the primary category (canonical code)
     * @param categoryTop3           share whose primary category is among the best three
     * @param categoryTop1AnyListed  share whose best category is any of their categories
     * @param classifierVersion      the classifier's version ({@link SubjectClassifier#version()})
     * @param priorUsed              the prior it started from and its weight, or {@code "none"}
     */
    public record Result(String datasetName, int papers, int trainPapers, int testPapers, List<String> problems,
                         double archiveAccuracy, double archiveAnyListed, double categoryTop1, double categoryTop3,
                         double categoryTop1AnyListed, String classifierVersion, String priorUsed) {

        public Result {
            problems = List.copyOf(problems);
        }

        /** The human-readable report, one figure per line. */
        public String report() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "dataset %s: %d papers with categories, %d lines skipped%n",
                    datasetName, papers, problems.size()));
            for (String problem : problems.subList(0, Math.min(NAMED_PROBLEMS, problems.size()))) {
                out.append("  skipped ").append(problem).append(System.lineSeparator());
            }
            if (problems.size() > NAMED_PROBLEMS) {
                out.append("  … and ").append(problems.size() - NAMED_PROBLEMS).append(" more")
                        .append(System.lineSeparator());
            }
            out.append(String.format(Locale.ROOT, "classifier %s, prior: %s%n", classifierVersion, priorUsed));
            out.append(String.format(Locale.ROOT,
                    "trained online on the first %d papers, tested on the last %d (file order)%n",
                    trainPapers, testPapers));
            out.append(String.format(Locale.ROOT,
                    "archive accuracy=%.3f (primary archive; %.3f counting any listed archive)%n",
                    archiveAccuracy, archiveAnyListed));
            out.append(String.format(Locale.ROOT,
                    "category top-1=%.3f top-3=%.3f (primary category; top-1 any listed category=%.3f)%n",
                    categoryTop1, categoryTop3, categoryTop1AnyListed));
            return out.toString();
        }
    }

    /**
     * Reads, trains, tests and prints the report to {@code out}. With a prior, the same split is also measured
     * without it, and both reports are printed (with the prior first); the result returned is the one with it.
     */
    public Result run(Path dataset, double trainFraction, PrintStream out) throws IOException {
        Dataset papers = read(dataset);
        String name = dataset.getFileName().toString();
        Result result = evaluate(papers, name, trainFraction);
        out.print(result.report());
        if (usesPrior()) {
            Result without = withoutPrior(taxonomy).evaluate(papers, name, trainFraction);
            out.print(String.format(Locale.ROOT, "without the prior (--no-prior), same split:%n"
                            + "archive accuracy=%.3f (primary archive; %.3f counting any listed archive)%n"
                            + "category top-1=%.3f top-3=%.3f (primary category; top-1 any listed category=%.3f)%n",
                    without.archiveAccuracy(), without.archiveAnyListed(), without.categoryTop1(),
                    without.categoryTop3(), without.categoryTop1AnyListed()));
        }
        return result;
    }

    /** A new classifier as this evaluation runs it. */
    private SubjectClassifier newClassifier() {
        return prior.map(p -> new SubjectClassifier(taxonomy, p, priorWeight))
                .orElseGet(() -> new SubjectClassifier(taxonomy));
    }

    private String priorUsed() {
        return prior.map(p -> String.format(Locale.ROOT,
                "%s at weight %s (%d papers of a different source than the test data, counting as %.0f learnt "
                        + "papers)", p.name(), priorWeight, p.papers(), p.papers() * priorWeight))
                .orElse("none");
    }

    /** Reads a dataset file; unreadable lines and papers without categories become problems, named by line. */
    public static Dataset read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<LabelledPaper> papers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Optional<LabelledPaper> paper = paper(json.readTree(line));
                    if (paper.isPresent()) {
                        papers.add(paper.get());
                    } else {
                        problems.add("line " + number + ": no title/abstract or no categories");
                    }
                } catch (JsonProcessingException e) {
                    problems.add("line " + number + ": not JSON (" + e.getOriginalMessage() + ")");
                }
            }
        }
        return new Dataset(papers, problems);
    }

    private static Optional<LabelledPaper> paper(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        String title = node.path("title").asText("");
        String abstractText = node.path("abstract").asText("");
        List<String> categories = new ArrayList<>();
        JsonNode field = node.path("categories");
        if (field.isTextual()) {
            for (String code : field.asText().trim().split("\\s+")) {
                if (!code.isBlank()) {
                    categories.add(code);
                }
            }
        } else if (field.isArray()) {
            field.forEach(code -> {
                if (code.isTextual() && !code.asText().isBlank()) {
                    categories.add(code.asText().trim());
                }
            });
        }
        if (categories.isEmpty() || (title.isBlank() && abstractText.isBlank())) {
            return Optional.empty();
        }
        return Optional.of(new LabelledPaper(node.path("id").asText(""), title, abstractText, categories));
    }

    /** Trains on the first {@code trainFraction} of the papers and tests on the rest. */
    public Result evaluate(Dataset dataset, String datasetName, double trainFraction) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("train fraction must lie strictly between 0 and 1, was "
                    + trainFraction);
        }
        List<LabelledPaper> papers = dataset.papers();
        int trainCount = (int) Math.round(papers.size() * trainFraction);
        if (trainCount == 0 || trainCount == papers.size()) {
            throw new IllegalArgumentException(datasetName + ": " + papers.size()
                    + " usable papers are too few to split at " + trainFraction);
        }
        List<String> problems = new ArrayList<>(dataset.problems());
        SubjectClassifier classifier = newClassifier();
        int trained = 0;
        for (LabelledPaper paper : papers.subList(0, trainCount)) {
            if (classifier.train(paper.title(), paper.abstractText(), paper.categories())) {
                trained++;
            } else {
                problems.add("paper " + paper.id() + " (training): primary category " + paper.categories().get(0)
                        + " not in the arXiv taxonomy");
            }
        }
        int tested = 0;
        int archiveHits = 0;
        int archiveAnyHits = 0;
        int top1 = 0;
        int top3 = 0;
        int top1Any = 0;
        for (LabelledPaper paper : papers.subList(trainCount, papers.size())) {
            Optional<ArxivCategory> primary = taxonomy.find(paper.categories().get(0));
            if (primary.isEmpty()) {
                problems.add("paper " + paper.id() + " (test): primary category " + paper.categories().get(0)
                        + " not in the arXiv taxonomy");
                continue;
            }
            tested++;
            List<String> listedArchives = paper.categories().stream()
                    .flatMap(code -> taxonomy.archiveOf(code).stream()).toList();
            List<String> listedCategories = paper.categories().stream()
                    .flatMap(code -> taxonomy.find(code).map(ArxivCategory::canonicalCode).stream()).toList();
            SubjectPrediction prediction = classifier.predict(paper.title(), paper.abstractText());
            String bestArchive = prediction.bestArchive().map(SubjectPrediction.Scored::code).orElse("");
            archiveHits += bestArchive.equals(primary.get().archive()) ? 1 : 0;
            archiveAnyHits += listedArchives.contains(bestArchive) ? 1 : 0;
            List<String> best = prediction.categories().stream().limit(3).map(SubjectPrediction.Scored::code)
                    .toList();
            String canonical = primary.get().canonicalCode();
            top1 += !best.isEmpty() && best.get(0).equals(canonical) ? 1 : 0;
            top3 += best.contains(canonical) ? 1 : 0;
            top1Any += !best.isEmpty() && listedCategories.contains(best.get(0)) ? 1 : 0;
        }
        double n = Math.max(1, tested);
        return new Result(datasetName, papers.size(), trained, tested, problems, archiveHits / n,
                archiveAnyHits / n, top1 / n, top3 / n, top1Any / n, classifier.version(), priorUsed());
    }
}
