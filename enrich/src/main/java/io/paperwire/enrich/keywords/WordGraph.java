package io.paperwire.enrich.keywords;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PositionRank over a paper's words: a graph whose nodes are the phrase units (words or hyphenated compounds) and
 * whose edges join units that occur within {@link #WINDOW} units of each other; a random walk that restarts at
 * units in proportion to how early they occur. Input: a paper's candidates; output: unit → centrality (sums to 1).
 */
final class WordGraph {

    static final int WINDOW = 3;
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 40;

    private WordGraph() {
    }

    static Map<String, Double> positionRank(CandidatePhrases paper) {
        List<CandidatePhrases.Unit> units = paper.units();
        Map<String, Integer> ids = new TreeMap<>();
        List<Integer> sequence = new ArrayList<>();
        for (List<Integer> run : paper.runs()) {
            for (int index : run) {
                String form = units.get(index).normalized();
                ids.putIfAbsent(form, ids.size());
                sequence.add(ids.get(form));
            }
        }
        int n = ids.size();
        Map<String, Double> result = new HashMap<>();
        if (n == 0) {
            return result;
        }
        double[][] weights = new double[n][n];
        double[] restart = new double[n];
        for (int i = 0; i < sequence.size(); i++) {
            restart[sequence.get(i)] += 1.0 / (i + 1);
            for (int j = i + 1; j < Math.min(sequence.size(), i + WINDOW); j++) {
                int a = sequence.get(i);
                int b = sequence.get(j);
                if (a != b) {
                    weights[a][b] += 1;
                    weights[b][a] += 1;
                }
            }
        }
        normalize(restart);
        double[] outWeight = new double[n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                outWeight[a] += weights[a][b];
            }
        }
        double[] score = restart.clone();
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[n];
            for (int b = 0; b < n; b++) {
                double incoming = 0;
                for (int a = 0; a < n; a++) {
                    if (weights[a][b] > 0) {
                        incoming += weights[a][b] / outWeight[a] * score[a];
                    }
                }
                next[b] = (1 - DAMPING) * restart[b] + DAMPING * incoming;
            }
            normalize(next);
            score = next;
        }
        for (Map.Entry<String, Integer> entry : ids.entrySet()) {
            result.put(entry.getKey(), score[entry.getValue()]);
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
