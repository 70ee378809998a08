package io.paperwire.enrich.keywords;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The candidate keyphrases of one paper: noun-phrase-like runs of words between stop words, punctuation and
 * markup, found in the title and abstract.
 *
 * <p>Words joined by hyphens form one unit ("mixture-of-experts", "state-of-the-art"), which may hold stop
 * words. A run of units is cut at a stop word, adverb, number, punctuation or LaTeX; a past participle at its end
 * is dropped ("the data collected"), and an "-ing" word after a plural noun starts a new run ("clusters
 * touching"). Every contiguous part of a run of up to {@link #MAX_UNITS} units that does not end in a participle
 * is a candidate; a candidate occurs wherever its units occur in that order inside a run. An acronym defined in
 * parentheses after its expansion ("mixture of experts (MoE)") makes the expansion a candidate, and every use of
 * the acronym alone counts as an occurrence of the expansion.
 */
final class CandidatePhrases {

    /** Longest candidate, in units; longer keyphrases are rare and seldom repeated verbatim. */
    static final int MAX_UNITS = 4;

    /** A word or hyphenated compound at a position of the text (title first, then abstract). */
    record Unit(String normalized, String surface, int start, int end, boolean inTitle, boolean phraseWord,
                boolean participle, boolean boundaryBefore) {
    }

    /**
     * A candidate keyphrase with its occurrences in this paper. Its surface form is cut from the text only when
     * asked for, since most candidates are never shown.
     */
    static final class Candidate {
        private final String normalized;
        private final List<String> unitForms;
        private final int firstPosition;
        private String surface;
        private final String surfaceText;
        private final boolean surfaceInTitle;
        private final int surfaceStart;
        private final int surfaceEnd;
        private int occurrences;
        private boolean inTitle;

        /** A candidate whose surface form is already known (an acronym's expansion, cut from {@code [start, end)}). */
        static Candidate withSurface(String normalized, List<String> unitForms, String surface,
                                     boolean surfaceInTitle, int start, int end, int firstPosition) {
            Candidate candidate = new Candidate(normalized, unitForms, null, surfaceInTitle, start, end,
                    firstPosition);
            candidate.surface = surface;
            return candidate;
        }

        /**
         * A candidate whose surface form is {@code text[start, end)} with whitespace runs collapsed; {@code text}
         * is the title when {@code surfaceInTitle}, else the abstract.
         */
        Candidate(String normalized, List<String> unitForms, String text, boolean surfaceInTitle, int start,
                  int end, int firstPosition) {
            this.normalized = normalized;
            this.unitForms = List.copyOf(unitForms);
            this.surfaceText = text;
            this.surfaceInTitle = surfaceInTitle;
            this.surfaceStart = start;
            this.surfaceEnd = end;
            this.firstPosition = firstPosition;
        }

        /** Whether the surface form was cut from the title (else from the abstract). */
        boolean surfaceInTitle() {
            return surfaceInTitle;
        }

        /** Where the surface form starts in its field's text. */
        int surfaceStart() {
            return surfaceStart;
        }

        /** Where the surface form ends (exclusive) in its field's text. */
        int surfaceEnd() {
            return surfaceEnd;
        }

        String normalized() {
            return normalized;
        }

        /** The normalised units (words or hyphenated compounds) of the phrase, without stop words. */
        List<String> unitForms() {
            return unitForms;
        }

        String surface() {
            if (surface == null) {
                surface = collapseWhitespace(surfaceText.substring(surfaceStart, surfaceEnd));
            }
            return surface;
        }

        /** Index of the first unit of its first occurrence among all units of the paper. */
        int firstPosition() {
            return firstPosition;
        }

        int occurrences() {
            return occurrences;
        }

        boolean inTitle() {
            return inTitle;
        }
    }

    private final List<Unit> units;
    private final List<List<Integer>> runs;
    private final Map<String, Candidate> candidates;

    private CandidatePhrases(List<Unit> units, List<List<Integer>> runs, Map<String, Candidate> candidates) {
        this.units = units;
        this.runs = runs;
        this.candidates = candidates;
    }

    static CandidatePhrases of(AnalyzedText analyzed, WordClasses words) {
        String title = analyzed.title();
        String abstractText = analyzed.abstractText();
        List<Unit> units = new ArrayList<>();
        Map<String, Acronym> acronyms = new LinkedHashMap<>();
        addUnits(analyzed.titleWords(), title, true, words, units, acronyms);
        addUnits(analyzed.abstractWords(), abstractText, false, words, units, acronyms);

        List<List<Integer>> runs = runs(units);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Acronym acronym : acronyms.values()) {
            candidates.computeIfAbsent(acronym.expansion, key -> Candidate.withSurface(key, acronym.unitForms,
                    acronym.surface, acronym.inTitle, acronym.start, acronym.end, acronym.position));
        }
        // The normalised form of units [from, to] grows by one unit per step of `to`, so it is appended to one
        // builder; the unit list is only made for a candidate seen for the first time.
        StringBuilder joined = new StringBuilder();
        for (List<Integer> run : runs) {
            for (int from = 0; from < run.size(); from++) {
                joined.setLength(0);
                Unit first = units.get(run.get(from));
                for (int to = from; to < run.size() && to - from < MAX_UNITS; to++) {
                    Unit last = units.get(run.get(to));
                    if (to > from) {
                        joined.append(' ');
                    }
                    joined.append(last.normalized());
                    if (last.participle()) {
                        continue;
                    }
                    String normalized = joined.toString();
                    List<String> acronymForms = null;
                    if (from == to && acronyms.containsKey(normalized)) {
                        acronymForms = acronyms.get(normalized).unitForms;
                        normalized = acronyms.get(normalized).expansion;
                    }
                    Candidate candidate = candidates.get(normalized);
                    if (candidate == null) {
                        List<String> unitForms = acronymForms != null ? acronymForms
                                : unitForms(units, run, from, to);
                        String text = first.inTitle() ? title : abstractText;
                        candidate = new Candidate(normalized, unitForms, text, first.inTitle(), first.start(),
                                last.end(), run.get(from));
                        candidates.put(normalized, candidate);
                    }
                    candidate.occurrences++;
                    candidate.inTitle |= first.inTitle();
                }
            }
        }
        for (Acronym acronym : acronyms.values()) {
            Candidate expansion = candidates.get(acronym.expansion);
            if (acronym.expansionHasStopWords) {
                // The expansion is not inside any run, so its defining occurrence was not counted.
                expansion.occurrences++;
                expansion.inTitle |= acronym.inTitle;
            }
        }
        return new CandidatePhrases(units, runs, candidates);
    }

    private static List<String> unitForms(List<Unit> units, List<Integer> run, int from, int to) {
        List<String> forms = new ArrayList<>(to - from + 1);
        for (int i = from; i <= to; i++) {
            forms.add(units.get(run.get(i)).normalized());
        }
        return forms;
    }

    /**
     * The text with every run of whitespace ({@code [ \t\n\x0B\f\r]}, as {@code \s} in a Java regex) replaced by
     * one space; without a regex, since this runs for every shown phrase.
     */
    static String collapseWhitespace(String text) {
        StringBuilder collapsed = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isRegexSpace(c) && (c != ' ' || i + 1 < text.length() && isRegexSpace(text.charAt(i + 1)))) {
                if (collapsed == null) {
                    collapsed = new StringBuilder(text.length()).append(text, 0, i);
                }
                collapsed.append(' ');
                while (i < text.length() && isRegexSpace(text.charAt(i))) {
                    i++;
                }
                continue;
            }
            if (collapsed != null) {
                collapsed.append(c);
            }
            i++;
        }
        return collapsed == null ? text : collapsed.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Subject pronouns and modals: the next word that is not a stop word is a verb. */
    private static final Set<String> PRECEDES_VERB = Set.of("we", "they", "i", "you", "he", "she", "can", "cannot",
            "could", "may", "might", "must", "shall", "should", "will", "would");

    /**
     * An acronym's expansion: its normalised form, its words other than stop words, its surface form and where that
     * was cut from, its first occurrence.
     */
    private record Acronym(String expansion, List<String> unitForms, String surface, int start, int end,
                           int position, boolean inTitle, boolean expansionHasStopWords) {
    }

    private static void addUnits(List<WordToken> tokens, String text, boolean inTitle, WordClasses words,
                                 List<Unit> units, Map<String, Acronym> acronyms) {
        int i = 0;
        boolean firstOfSection = true;
        boolean verbExpected = false;
        while (i < tokens.size()) {
            int end = i + 1;
            while (end < tokens.size() && tokens.get(end).joinedToPrevious()) {
                end++;
            }
            WordToken first = tokens.get(i);
            WordToken last = tokens.get(end - 1);
            boolean phraseWord;
            StringBuilder normalized = new StringBuilder(first.stem());
            if (end - i == 1) {
                phraseWord = words.isPhraseWord(first);
            } else {
                // A compound may start with a single letter ("e-commerce", "k-means") and end in a number ("GPT-4").
                phraseWord = (words.isPhraseWord(first) || first.lowerCase().length() == 1 && !first.numeric())
                        && !words.isStopWord(last.lowerCase()) && (WordClasses.isWordLike(last) || last.numeric());
                for (int k = i + 1; k < end; k++) {
                    normalized.append(' ').append(tokens.get(k).stem());
                }
            }
            boolean boundaryBefore = firstOfSection || first.boundaryBefore();
            // After a subject pronoun or a modal ("we model ...", "can reach ..."), the next word is a verb.
            if (boundaryBefore) {
                verbExpected = false;
            }
            if (verbExpected && phraseWord) {
                phraseWord = false;
                verbExpected = false;
            }
            if (end - i == 1 && PRECEDES_VERB.contains(first.lowerCase())) {
                verbExpected = true;
            }
            if (end - i == 1) {
                Acronym acronym = acronymAt(tokens, i, text, inTitle, units.size(), words);
                if (acronym != null) {
                    acronyms.putIfAbsent(first.stem(), acronym);
                }
            }
            units.add(new Unit(normalized.toString(), text.substring(first.start(), last.end()), first.start(),
                    last.end(), inTitle, phraseWord, end - i == 1 && WordClasses.isParticiple(first.lowerCase()),
                    boundaryBefore));
            firstOfSection = false;
            i = end;
        }
    }

    /**
     * The expansion of an acronym written in parentheses right after it, e.g. "mixture of experts (MoE)" or
     * "convolutional neural networks (CNNs)": the acronym's letters are the initials of the words before the
     * parenthesis (stop words may be skipped when their initial is not in the acronym). Null when the token at
     * {@code index} is not such an acronym.
     */
    private static Acronym acronymAt(List<WordToken> tokens, int index, String text, boolean inTitle,
                                     int unitPosition, WordClasses words) {
        WordToken token = tokens.get(index);
        String letters = acronymLetters(token.surface());
        if (letters == null || index == 0 || !token.boundaryBefore()) {
            return null;
        }
        WordToken previous = tokens.get(index - 1);
        if (!text.substring(previous.end(), token.start()).strip().equals("(")) {
            return null;
        }
        int after = token.end();
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        if (after >= text.length() || text.charAt(after) != ')') {
            return null;
        }
        int letter = letters.length() - 1;
        int first = index - 1;
        boolean skippedStopWord = false;
        for (int k = index - 1; k >= 0 && letter >= 0; k--) {
            WordToken word = tokens.get(k);
            if (k < index - 1 && tokens.get(k + 1).boundaryBefore()) {
                return null;
            }
            char initial = word.lowerCase().isEmpty() ? ' ' : word.lowerCase().charAt(0);
            if (initial == letters.charAt(letter)) {
                letter--;
                first = k;
            } else if (words.isStopWord(word.lowerCase())) {
                skippedStopWord |= !word.joinedToPrevious();
            } else {
                return null;
            }
        }
        if (letter >= 0) {
            return null;
        }
        List<WordToken> expansion = tokens.subList(first, index);
        if (!words.isPhraseWord(expansion.get(0)) || !words.isPhraseWord(expansion.get(expansion.size() - 1))) {
            return null;
        }
        StringBuilder normalized = new StringBuilder();
        List<String> unitForms = new ArrayList<>();
        boolean hasStopWords = skippedStopWord;
        for (WordToken word : expansion) {
            if (normalized.length() > 0) {
                normalized.append(' ');
            }
            normalized.append(word.stem());
            if (words.isPhraseWord(word)) {
                unitForms.add(word.stem());
            } else if (!word.joinedToPrevious()) {
                // A stop word outside a hyphenated compound: no run holds the whole expansion.
                hasStopWords = true;
            }
        }
        int start = expansion.get(0).start();
        int end = expansion.get(expansion.size() - 1).end();
        String surface = collapseWhitespace(text.substring(start, end));
        return new Acronym(normalized.toString(), List.copyOf(unitForms), surface, start, end,
                Math.max(0, unitPosition - expansion.size()), inTitle, hasStopWords);
    }

    /**
     * The lower-cased letters an acronym stands for, or null when the word does not look like one: 2 to 10
     * letters or digits with at least two capitals, not all lower case; a plural "s" after a capital is dropped.
     */
    private static String acronymLetters(String word) {
        if (word.length() < 2 || word.length() > 10) {
            return null;
        }
        int capitals = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                return null;
            }
            if (Character.isUpperCase(c)) {
                capitals++;
            }
        }
        if (capitals < 2) {
            return null;
        }
        String letters = word;
        if (letters.endsWith("s") && Character.isUpperCase(letters.charAt(letters.length() - 2))) {
            letters = letters.substring(0, letters.length() - 1);
        }
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) {
            if (Character.isLetter(letters.charAt(i))) {
                result.append(Character.toLowerCase(letters.charAt(i)));
            }
        }
        return result.length() >= 2 ? result.toString().toLowerCase(Locale.ROOT) : null;
    }

    /** Runs of phrase units: each a list of unit indexes, cut at non-phrase units and boundaries. */
    private static List<List<Integer>> runs(List<Unit> units) {
        List<List<Integer>> runs = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (!unit.phraseWord() || unit.boundaryBefore() || startsClause(units, current, unit)) {
                closeRun(current, units, runs);
                current = new ArrayList<>();
            }
            if (unit.phraseWord()) {
                current.add(i);
            }
        }
        closeRun(current, units, runs);
        return runs;
    }

    /**
     * An "-ing" word right after a plural noun usually starts a participle clause ("clusters touching the
     * boundary"), not a compound noun.
     */
    private static boolean startsClause(List<Unit> units, List<Integer> run, Unit unit) {
        if (run.isEmpty()) {
            return false;
        }
        String word = unit.surface().toLowerCase(Locale.ROOT);
        String previous = units.get(run.get(run.size() - 1)).surface().toLowerCase(Locale.ROOT);
        return word.length() > 5 && word.endsWith("ing") && previous.length() > 3 && previous.endsWith("s")
                && !previous.endsWith("ss") && !previous.endsWith("us") && !previous.endsWith("is");
    }

    private static void closeRun(List<Integer> run, List<Unit> units, List<List<Integer>> runs) {
        int end = run.size();
        while (end > 0 && units.get(run.get(end - 1)).participle()) {
            end--;
        }
        if (end > 0) {
            runs.add(new ArrayList<>(run.subList(0, end)));
        }
    }

    List<Unit> units() {
        return units;
    }

    /** Runs of phrase units, in text order, as indexes into {@link #units()}. */
    List<List<Integer>> runs() {
        return runs;
    }

    /** The candidates, in order of first occurrence. */
    Collection<Candidate> candidates() {
        return candidates.values();
    }
}
