package io.paperwire.enrich;

import io.paperwire.schemas.Paper;

/** Many distinct hand-written papers, built from a few word lists of our own, for tests that need volume. */
final class GeneratedPapers {

    private static final String[] SUBJECTS = {"graph neural networks", "dark matter halos", "quantum error correction",
        "protein folding", "reinforcement learning from human feedback", "topological insulators",
        "sparse mixture of experts", "galaxy clusters", "stochastic differential equations", "in-context learning"};
    private static final String[] METHODS = {"variational inference", "lattice simulations", "spectral methods",
        "Monte Carlo sampling", "contrastive pretraining", "renormalization group arguments", "kernel regression"};
    private static final String[][] CATEGORIES = {{"cs.LG"}, {"astro-ph.CO"}, {"quant-ph"}, {"q-bio.BM"},
        {"cs.CL", "cs.LG"}, {"cond-mat.mes-hall"}, {"cs.LG"}, {"astro-ph.GA"}, {"math.PR"}, {"cs.CL"}};

    private GeneratedPapers() {
    }

    /** Paper number {@code n} (stable key {@code arxiv:2412.nnnnn}) at {@code version}. */
    static Paper paper(int n, int version) {
        int s = n % SUBJECTS.length;
        String subject = SUBJECTS[s];
        String method = METHODS[(n / SUBJECTS.length) % METHODS.length];
        String title = "On " + subject + " with " + method + " (study " + n + ")";
        String abstractText = "We revisit " + subject + " using " + method + ". Our analysis of " + subject
                + " shows that " + method + " improve estimates in regime " + (n % 7) + ". We compare against "
                + "earlier work and release code." + (version > 1 ? " This version corrects the error analysis."
                : "");
        return TestPapers.paper(String.format("2412.%05d", n), version, title, abstractText, CATEGORIES[s]);
    }
}
