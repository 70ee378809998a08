package io.paperwire.enrich.keywords;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the shipped {@link BackgroundFrequencies} table. Input: arXiv metadata in the Kaggle snapshot format
 * (JSON lines with {@code title} and {@code abstract}). Output: a TSV of the document frequency of every term
 * {@link KeywordExtractor#termsToCount} yields — the normalised words and hyphenated compounds of candidate
 * phrases, the only terms the extractor looks up. Only counts are written, never text.
 *
 * <p>Run from the project root after changing the candidate rules (the table must count the same terms the
 * extractor looks up):
 * <pre>
 * mvn -q -B -pl enrich compile exec:java -Dexec.mainClass=io.paperwire.enrich.keywords.BackgroundTableGenerator \
 *   -Dexec.args="../shared/data/arxiv-metadata-oai-snapshot.sample1000.jsonl \
 *   enrich/src/main/resources/io/paperwire/enrich/keywords/background-df.tsv"
 * </pre>
 */
public final class BackgroundTableGenerator {

    private BackgroundTableGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BackgroundTableGenerator ARXIV_METADATA.jsonl OUTPUT.tsv");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        InMemoryDocumentFrequencies counts = count(input);
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            BackgroundFrequencies.write(out, description(input, counts), counts.docCount(), counts.snapshot());
        }
        System.out.println("counted " + counts.docCount() + " documents, " + counts.termCount() + " terms; wrote "
                + output);
    }

    /** Counts the terms of every paper in an arXiv metadata file. */
    static InMemoryDocumentFrequencies count(Path arxivMetadata) throws IOException {
        ObjectMapper json = new ObjectMapper();
        InMemoryDocumentFrequencies counts = new InMemoryDocumentFrequencies();
        KeywordExtractor extractor = new KeywordExtractor(counts);
        try (BufferedReader reader = Files.newBufferedReader(arxivMetadata, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode paper = json.readTree(line);
                JsonNode title = paper.get("title");
                JsonNode abstractText = paper.get("abstract");
                if (title == null || abstractText == null || !title.isTextual() || !abstractText.isTextual()) {
                    throw new IllegalArgumentException(arxivMetadata + " line " + number
                            + ": expected string fields 'title' and 'abstract'");
                }
                extractor.observe(title.asText(), abstractText.asText());
            }
        }
        return counts;
    }

    private static String description(Path input, InMemoryDocumentFrequencies counts) {
        return "paperwire keyword background: document frequencies of the normalised words and hyphenated compounds\n"
                + "of candidate keyphrases, counted by " + BackgroundTableGenerator.class.getName() + " over "
                + counts.docCount() + " arXiv titles and abstracts (" + input.getFileName()
                + "; arXiv metadata is CC0). Counts only, no text.";
    }
}
