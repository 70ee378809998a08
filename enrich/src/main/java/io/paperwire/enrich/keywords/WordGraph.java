package io.paperwire.enrich.keywords;

import java.util.Arrays;
import java.util.List;

/**
 * PositionRank over a paper's words: a graph whose nodes are the phrase units (words or hyphenated compounds) and
 * whose edges join units that occur within {@link #WINDOW} units of each other; a random walk that restarts at
 * units in proportion to how early they occur. Input: a paper's candidates; output: unit → centrality (sums to 1), by term number.
 */
final class WordGraph {

    static final int WINDOW = 3;
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 40;

    private WordGraph() {
    }

    /** Each term's centrality, by {@link TermTable} number ({@link CandidatePhrases#term}); 0 for a term off the graph. */
    static double[] positionRank(CandidatePhrases paper) {
        List<CandidatePhrases.Unit> units = paper.units();
        // Node ids in order of first occurrence in the runs (the order the sums below run in).
        int[] nodeOfTerm = new int[paper.termCount()];
        Arrays.fill(nodeOfTerm, -1);
        int length = 0;
        for (int run = 0; run < paper.runCount(); run++) {
            length += paper.runEnd(run) - paper.runStart(run);
        }
        int[] termOfNode = new int[length];
        int[] sequence = new int[length];
        int position = 0;
        int nodes = 0;
        for (int run = 0; run < paper.runCount(); run++) {
            for (int unit = paper.runStart(run); unit < paper.runEnd(run); unit++) {
                int term = units.get(unit).term();
                if (nodeOfTerm[term] < 0) {
                    nodeOfTerm[term] = nodes;
                    termOfNode[nodes++] = term;
                }
                sequence[position++] = nodeOfTerm[term];
            }
        }
        int n = nodes;
        double[] result = new double[paper.termCount()];
        if (n == 0) {
            return result;
        }
        // The co-occurrence graph is sparse (each position links to at most WINDOW - 1 followers), so edges are
        // kept as sorted codes (target * n + source) rather than an n × n matrix; sums still run over sources in
        // ascending order, so the scores are the same to the last bit as with the matrix.
        double[] restart = new double[n];
        double[] outWeight = new double[n];
        int[] codes = new int[2 * (WINDOW - 1) * sequence.length];
        int edgeCount = 0;
        for (int i = 0; i < sequence.length; i++) {
            restart[sequence[i]] += 1.0 / (i + 1);
            for (int j = i + 1; j < Math.min(sequence.length, i + WINDOW); j++) {
                int a = sequence[i];
                int b = sequence[j];
                if (a != b) {
                    codes[edgeCount++] = b * n + a;
                    codes[edgeCount++] = a * n + b;
                    outWeight[a] += 1;
                    outWeight[b] += 1;
                }
            }
        }
        normalize(restart);
        Arrays.sort(codes, 0, edgeCount);
        // Distinct edges, grouped by target: sources[targetStart[b] .. targetStart[b + 1]) ascending, each with the
        // share of its source's weight that it carries (computed once rather than in every iteration). The sources
        // are compacted into the code array itself, which is read ahead of where they are written.
        int[] sources = codes;
        double[] share = new double[edgeCount];
        int[] targetStart = new int[n + 1];
        int distinct = 0;
        int previousCode = -1;
        for (int e = 0; e < edgeCount; e++) {
            int code = codes[e];
            if (code == previousCode) {
                share[distinct - 1] += 1;
                continue;
            }
            previousCode = code;
            sources[distinct] = code % n;
            share[distinct] = 1;
            targetStart[code / n + 1]++;
            distinct++;
        }
        for (int b = 0; b < n; b++) {
            targetStart[b + 1] += targetStart[b];
        }
        for (int e = 0; e < distinct; e++) {
            share[e] /= outWeight[sources[e]];
        }
        double[] score = restart.clone();
        double[] next = new double[n];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (int b = 0; b < n; b++) {
                double incoming = 0;
                for (int e = targetStart[b]; e < targetStart[b + 1]; e++) {
                    incoming += share[e] * score[sources[e]];
                }
                next[b] = (1 - DAMPING) * restart[b] + DAMPING * incoming;
            }
            normalize(next);
            double[] previous = score;
            score = next;
            next = previous;
        }
        for (int id = 0; id < n; id++) {
            result[termOfNode[id]] = score[id];
        }
        return result;
    }

    private static void normalize(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        if (sum > 0) {
            for (int i = 0; i < values.length; i++) {
                values[i] /= sum;
            }
        }
    }
}
