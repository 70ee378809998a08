package io.paperwire.enrich.keywords;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Measures keyphrase quality against a gold standard. Input: JSON lines {@code {"id","title","abstract",
 * "keyphrases":[...]}}. Output: for k = 5 and 10, a line {@code P@k=0.xxx R@k=0.xxx F1@k=0.xxx}.
 *
 * <p>Protocol: every phrase, predicted or gold, is normalised by {@link PhraseAnalyzer#normalize(String)} (each
 * word lower-cased and Porter-stemmed, whitespace-joined; hyphens count as spaces); duplicates are dropped keeping
 * the first. A prediction is correct when its normalised form equals that of some gold keyphrase. For one document
 * P@k = correct among the top k / k, R@k = correct among the top k / number of distinct gold keyphrases (all of
 * them, also those that never occur in the text), F1@k = 2PR/(P+R) (0 when both are 0); each of the three is then
 * averaged over documents. Documents without gold keyphrases are left out and counted.
 *
 * <p>{@link #evaluateExtractor} learns document frequencies from the dataset itself before extracting — the
 * shipped background table plus every document of the dataset, as a stream would have seen them — and says so.
 */
public final class KeywordEvaluation {

    /** The cut-offs reported. */
    public static final List<Integer> CUTOFFS = List.of(5, 10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PhraseAnalyzer analyzer = new PhraseAnalyzer();

    /** One document of a keyphrase dataset. */
    public record Document(String id, String title, String abstractText, List<String> keyphrases) {
        public Document {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(abstractText, "abstractText");
            keyphrases = List.copyOf(keyphrases);
        }
    }

    /** Averages at one cut-off, as fractions between 0 and 1. */
    public record Scores(int k, double precision, double recall, double f1) {
        /** {@code P@k=0.xxx R@k=0.xxx F1@k=0.xxx}. */
        public String line() {
            return String.format(Locale.ROOT, "P@%d=%.3f R@%d=%.3f F1@%d=%.3f", k, precision, k, recall, k, f1);
        }
    }

    /** The outcome of one evaluation run. */
    public record Report(String method, int documents, int documentsWithoutGold, String frequencySource,
                         List<Scores> scores) {

        /** The scores at cut-off {@code k}. */
        public Scores at(int k) {
            return scores.stream().filter(s -> s.k() == k).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no scores at k=" + k));
        }

        /** The report as printed by {@code paperwire eval keywords}. */
        public String format() {
            StringBuilder text = new StringBuilder();
            text.append("method: ").append(method).append('\n');
            text.append("documents: ").append(documents - documentsWithoutGold).append(" scored");
            if (documentsWithoutGold > 0) {
                text.append(", ").append(documentsWithoutGold).append(" left out for having no gold keyphrases");
            }
            text.append('\n');
            text.append("document frequencies: ").append(frequencySource).append('\n');
            text.append("matching: exact match after Porter stemming (each word lower-cased and stemmed), against"
                    + " all gold keyphrases of a document; P, R and F1 per document, then averaged over documents\n");
            for (Scores score : scores) {
                text.append(score.line()).append('\n');
            }
            return text.toString();
        }
    }

    /** Reads a dataset of JSON lines; blank lines are skipped. */
    public static List<Document> read(Path dataset) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(dataset, StandardCharsets.UTF_8)) {
            return read(reader, dataset.toString());
        }
    }

    /**
     * Reads a dataset of JSON lines.
     *
     * @param source names the input in error messages
     * @throws IllegalArgumentException naming the line when a line is not such an object
     */
    public static List<Document> read(BufferedReader reader, String source) throws IOException {
        List<Document> documents = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String where = source + " line " + number;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(where + ": expected a JSON object");
            }
            JsonNode keyphrases = node.get("keyphrases");
            if (keyphrases == null || !keyphrases.isArray()) {
                throw new IllegalArgumentException(where + ": 'keyphrases' must be an array of strings");
            }
            List<String> gold = new ArrayList<>();
            for (JsonNode phrase : keyphrases) {
                if (!phrase.isTextual()) {
                    throw new IllegalArgumentException(where + ": 'keyphrases' must hold only strings");
                }
                gold.add(phrase.asText());
            }
            documents.add(new Document(text(node, "id", where, true), text(node, "title", where, false),
                    text(node, "abstract", where, false), gold));
        }
        return documents;
    }

    private static String text(JsonNode node, String field, String where, boolean numberAllowed) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": missing '" + field + "'");
        }
        if (!value.isTextual() && !(numberAllowed && value.isNumber())) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a string");
        }
        return value.asText();
    }

    /**
     * Scores ranked predictions under the protocol above.
     *
     * @param ranked a document's predicted phrases, best first (surface forms; normalised here)
     */
    public Report score(String method, String frequencySource, List<Document> documents,
                        Function<Document, List<String>> ranked) {
        double[] precision = new double[CUTOFFS.size()];
        double[] recall = new double[CUTOFFS.size()];
        double[] f1 = new double[CUTOFFS.size()];
        int scored = 0;
        int withoutGold = 0;
        for (Document document : documents) {
            Set<String> gold = normalizedDistinct(document.keyphrases());
            if (gold.isEmpty()) {
                withoutGold++;
                continue;
            }
            scored++;
            List<String> predicted = new ArrayList<>(normalizedDistinct(ranked.apply(document)));
            for (int c = 0; c < CUTOFFS.size(); c++) {
                int k = CUTOFFS.get(c);
                int correct = 0;
                for (String phrase : predicted.subList(0, Math.min(k, predicted.size()))) {
                    if (gold.contains(phrase)) {
                        correct++;
                    }
                }
                double p = (double) correct / k;
                double r = (double) correct / gold.size();
                precision[c] += p;
                recall[c] += r;
                f1[c] += p + r == 0 ? 0 : 2 * p * r / (p + r);
            }
        }
        List<Scores> scores = new ArrayList<>();
        for (int c = 0; c < CUTOFFS.size(); c++) {
            double n = Math.max(1, scored);
            scores.add(new Scores(CUTOFFS.get(c), precision[c] / n, recall[c] / n, f1[c] / n));
        }
        return new Report(method, documents.size(), withoutGold, frequencySource, scores);
    }

    /**
     * Evaluates {@link KeywordExtractor} with document frequencies from the shipped background table plus every
     * document of the dataset, observed before any extraction.
     */
    public Report evaluateExtractor(List<Document> documents) {
        BackgroundFrequencies background = BackgroundFrequencies.load();
        KeywordExtractor extractor = new KeywordExtractor(
                new SeededDocumentFrequencies(background, new InMemoryDocumentFrequencies()));
        for (Document document : documents) {
            extractor.observe(document.title(), document.abstractText());
        }
        String source = "shipped background table (" + background.docCount() + " arXiv abstracts) plus all "
                + documents.size() + " documents of this dataset, learnt from the dataset itself before extracting"
                + " (as a stream would have seen them)";
        return score("KeywordExtractor", source, documents, document ->
                extractor.extract(document.title(), document.abstractText()).stream()
                        .map(ExtractedKeyword::phrase).toList());
    }

    /** Reads the dataset and evaluates {@link KeywordExtractor} on it. */
    public Report evaluateExtractor(Path dataset) throws IOException {
        return evaluateExtractor(read(dataset));
    }

    private Set<String> normalizedDistinct(List<String> phrases) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String phrase : phrases) {
            String form = analyzer.normalize(phrase);
            if (!form.isEmpty()) {
                normalized.add(form);
            }
        }
        return normalized;
    }
}
