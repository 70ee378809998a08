package io.paperwire.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.paperwire.ingest.generator.GeneratedFormats;
import io.paperwire.ingest.generator.PaperGenerator;
import io.paperwire.ingest.parse.Page;
import io.paperwire.ingest.parse.ParseResult;
import io.paperwire.ingest.parse.SnapshotJsonLinesParser;
import io.paperwire.schemas.Paper;

/**
 * The papers of one bench run, made once and split three ways: the measured set (ingest, baselines, enrich,
 * matching), the end-to-end set and the latency set. In: {@link BenchSettings}. Out: distinct paper keys in each set,
 * from paperwire's generator, or replicas of a corpus file's papers ({@link PaperGenerator#replicate}); and the
 * snapshot JSON Lines files ingest reads them from, written with ingest's own {@link GeneratedFormats}.
 */
record BenchPapers(List<Paper> measured, List<Paper> endToEnd, List<Paper> latency, String origin) {

    /** Makes the papers the settings ask for. */
    static BenchPapers make(BenchSettings settings) throws IOException {
        int total = settings.papers() + settings.endToEndPapers() + settings.latencyPapers();
        List<Paper> all;
        String origin;
        if (settings.corpus().isPresent()) {
            Path corpus = settings.corpus().get();
            List<Paper> base = readCorpus(corpus);
            all = PaperGenerator.replicate(base, total, settings.seed());
            origin = "replicas of " + base.size() + " papers of " + corpus;
        } else {
            all = new PaperGenerator(settings.seed()).nextLatest(total);
            origin = "paperwire generator, seed " + settings.seed();
        }
        int measuredEnd = settings.papers();
        int endToEndEnd = measuredEnd + settings.endToEndPapers();
        return new BenchPapers(List.copyOf(all.subList(0, measuredEnd)),
                List.copyOf(all.subList(measuredEnd, endToEndEnd)), List.copyOf(all.subList(endToEndEnd, total)),
                origin);
    }

    /** The papers of a snapshot JSON Lines file, read with ingest's parser. */
    static List<Paper> readCorpus(Path corpus) throws IOException {
        if (!Files.isRegularFile(corpus)) {
            throw new IllegalArgumentException("--corpus " + corpus + ": no such file");
        }
        Page page;
        try (InputStream in = Files.newInputStream(corpus)) {
            page = new SnapshotJsonLinesParser().parse(in, corpus.toString());
        }
        List<Paper> papers = new ArrayList<>();
        for (ParseResult.ParsedPaper parsed : page.papers()) {
            papers.add(parsed.paper());
        }
        if (papers.isEmpty()) {
            String why = page.errors().isEmpty() ? "it holds no paper"
                    : "no line parsed; the first error: " + page.errors().get(0).message();
            throw new IllegalArgumentException("--corpus " + corpus + ": not an arXiv snapshot JSON Lines file ("
                    + why + ")");
        }
        return papers;
    }

    /** Writes papers as one snapshot JSON Lines file, the format ingest's file source reads. */
    static Path writeSnapshot(List<Paper> papers, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            GeneratedFormats.writeSnapshotJsonLinesOfPapers(papers, out);
        }
        return file;
    }
}
