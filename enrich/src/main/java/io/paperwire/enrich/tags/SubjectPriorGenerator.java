package io.paperwire.enrich.tags;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds the shipped {@link SubjectPrior}. Input: an arXiv announcement feed (RSS 2.0, as served by
 * {@code rss.arxiv.org}; read by {@link ArxivFeedPapers}). Output: the gzip'd count table: a
 * {@link SubjectClassifier} without prior learns every item that has categories, in feed order, and its counts
 * are written with features seen in fewer than {@code minPapers} items left out. Only counts are written, never
 * text (arXiv metadata is CC0).
 *
 * <p>Run from the project root whenever {@link SubjectClassifier#FEATURES} changes (the loader refuses a table
 * built for other features):
 * <pre>
 * mvn -q -B -o -pl enrich compile exec:java -Dexec.mainClass=io.paperwire.enrich.tags.SubjectPriorGenerator \
 *   -Dexec.args="../shared/data/fixtures/rss/rss_all-archives_2024-11-28.xml \
 *   enrich/src/main/resources/io/paperwire/enrich/tags/subject-prior.tsv.gz 2"
 * </pre>
 */
public final class SubjectPriorGenerator {

    /** Features seen in fewer feed papers than this are left out by default (chosen on validation, docs/tags.md). */
    public static final int DEFAULT_MIN_PAPERS = 2;

    private SubjectPriorGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: SubjectPriorGenerator ARXIV_FEED.xml OUTPUT.tsv.gz [MIN_PAPERS]");
            System.exit(2);
        }
        Path feed = Path.of(args[0]);
        Path output = Path.of(args[1]);
        int minPapers = args.length == 3 ? Integer.parseInt(args[2]) : DEFAULT_MIN_PAPERS;
        ArxivFeedPapers.Feed papers = ArxivFeedPapers.read(feed);
        SubjectPrior prior = build(nameOf(feed), papers, minPapers, ArxivTaxonomy.load());
        try (OutputStream out = Files.newOutputStream(output)) {
            prior.write(out, description(feed, papers, prior));
        }
        System.out.println("learnt " + prior.papers() + " of " + papers.papers().size() + " feed papers ("
                + papers.skipped() + " items without categories or text); wrote " + prior + " to " + output);
    }

    /** Learns every paper of the feed and keeps features seen in at least {@code minPapers} of them. */
    static SubjectPrior build(String name, ArxivFeedPapers.Feed feed, int minPapers, ArxivTaxonomy taxonomy) {
        if (minPapers < 1) {
            throw new IllegalArgumentException("minPapers must be at least 1, was " + minPapers);
        }
        SubjectClassifier classifier = new SubjectClassifier(taxonomy);
        for (LabelledPaper paper : feed.papers()) {
            classifier.train(paper.title(), paper.abstractText(), paper.categories());
        }
        return SubjectPrior.of(name, classifier, minPapers);
    }

    /** {@code rss_all-archives_2024-11-28.xml} → {@code rss-all-archives-2024-11-28}. */
    static String nameOf(Path feed) {
        String file = feed.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return (dot > 0 ? file.substring(0, dot) : file).replaceAll("[^A-Za-z0-9.-]+", "-")
                .toLowerCase(Locale.ROOT);
    }

    private static String description(Path feed, ArxivFeedPapers.Feed papers, SubjectPrior prior) {
        return "paperwire subject-classifier prior: per-archive and per-category summed log(1+tf) weights of hashed\n"
                + "feature ids (" + SubjectClassifier.FEATURES + "), counted by "
                + SubjectPriorGenerator.class.getName() + "\n"
                + "over the " + prior.papers() + " items with categories of the arXiv announcement feed "
                + feed.getFileName() + " (" + papers.papers().size() + " items read;\n"
                + "arXiv metadata is CC0). Features seen in fewer than " + prior.minPapers()
                + " items are left out. Counts only, no text.";
    }
}
