package io.paperwire.enrich.keywords;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * A word or hyphenated compound at a position of the text (title first, then abstract). {@code term} numbers
     * its normalised form in the paper's {@link TermTable}; the stems of its words are the numbers
     * {@code [firstStem, stemEnd)} of the paper's stem sequence (one for a word, several for a compound).
     */
    record Unit(int term, int firstStem, int stemEnd, int start, int end, boolean inTitle, boolean phraseWord,
                boolean participle, boolean boundaryBefore) {
    }

    /**
     * A candidate keyphrase with its occurrences in this paper. Its normalised form and its surface form are made
     * only when asked for, since most candidates are never shown: it is known by its node in the paper's
     * {@link PhraseTrie}, and its units by their {@link TermTable} numbers.
     */
    final class Candidate {
        private final int node;
        private String normalized;
        private final int[] unitTerms;
        private final int unitFrom;
        private final int unitCount;
        private final int firstPosition;
        private String surface;
        private final boolean surfaceInTitle;
        private final int surfaceStart;
        private final int surfaceEnd;
        private int occurrences;
        private boolean inTitle;

        /**
         * A candidate whose units are {@code unitTerms[unitFrom, unitFrom + unitCount)} and whose surface form,
         * unless given, is {@code [start, end)} of the title when {@code surfaceInTitle}, else of the abstract,
         * with whitespace runs collapsed.
         */
        private Candidate(int node, String normalized, int[] unitTerms, int unitFrom, int unitCount, String surface,
                          boolean surfaceInTitle, int start, int end, int firstPosition) {
            this.node = node;
            this.normalized = normalized;
            this.unitTerms = unitTerms;
            this.unitFrom = unitFrom;
            this.unitCount = unitCount;
            this.surface = surface;
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

        /** Every word lower-cased and Porter-stemmed, joined by single spaces. */
        String normalized() {
            if (normalized == null) {
                normalized = trie.joined(node, terms);
            }
            return normalized;
        }

        /** The number of units (words or hyphenated compounds) of the phrase, without stop words. */
        int unitCount() {
            return unitCount;
        }

        /** The {@link TermTable} number of the phrase's unit {@code index}; see {@link #term(int)}. */
        int unitTerm(int index) {
            return unitTerms[unitFrom + index];
        }

        String surface() {
            if (surface == null) {
                String text = surfaceInTitle ? title : abstractText;
                surface = collapseWhitespace(text.substring(surfaceStart, surfaceEnd));
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

    private final String title;
    private final String abstractText;
    /** Whether the whole title (abstract) is ASCII, so no unit of it needs checking on its own. */
    private final boolean asciiTitle;
    private final boolean asciiAbstract;
    /** Stems, units and acronym expansions' unit forms, numbered. */
    private final TermTable terms;
    /**
     * Candidates by their stem sequences. Stems never hold a space (the tokenizer splits at spaces and ASCII
     * folding makes none), so two sequences are the same exactly when their space-joined forms are the same
     * string: a compound unit ("neural-network") and the same words as two units are one candidate.
     */
    private final PhraseTrie trie;
    private final List<Unit> units;
    /** The stem numbers of every unit's words, in text order: one per word of the text. */
    private final int[] stems;
    private int stemCount;
    /** The term number of each unit, by unit index (the units of a run candidate are a slice of it). */
    private final int[] unitTerms;
    /** Run r is units [runBounds[2r], runBounds[2r + 1]). */
    private int[] runBounds;
    private int runCount;
    /** In order of first occurrence. */
    private final List<Candidate> candidates;
    /** Candidates by trie node; null where a node is no candidate. */
    private Candidate[] candidateAt;

    private CandidatePhrases(AnalyzedText analyzed, WordClasses words) {
        this.title = analyzed.title();
        this.abstractText = analyzed.abstractText();
        this.asciiTitle = isAscii(title, 0, title.length());
        this.asciiAbstract = isAscii(abstractText, 0, abstractText.length());
        // Sized by the number of words: in the arXiv sample a paper has about 0.6 distinct terms, 0.6 trie
        // nodes and 0.5 candidates per word.
        int wordCount = analyzed.titleWords().size() + analyzed.abstractWords().size();
        this.terms = new TermTable(wordCount);
        this.trie = new PhraseTrie(wordCount);
        this.units = new ArrayList<>(wordCount);
        this.stems = new int[wordCount];
        this.unitTerms = new int[wordCount];
        this.candidateAt = new Candidate[Math.max(16, wordCount)];
        this.candidates = new ArrayList<>(Math.max(10, wordCount * 3 / 4));
        Map<String, Acronym> acronyms = new LinkedHashMap<>();
        addUnits(analyzed.titleWords(), title, true, words, acronyms);
        addUnits(analyzed.abstractWords(), abstractText, false, words, acronyms);
        findRuns();
        for (Acronym acronym : acronyms.values()) {
            if (candidateAt(acronym.node) == null) {
                add(new Candidate(acronym.node, acronym.expansion, acronym.unitTerms, 0, acronym.unitTerms.length,
                        acronym.surface, acronym.inTitle, acronym.start, acronym.end, acronym.position));
            }
        }
        // The node of units [from, to] is one step (one per word of unit `to`) from the node of [from, to - 1].
        for (int run = 0; run < runCount; run++) {
            int runEnd = runEnd(run);
            for (int from = runStart(run); from < runEnd; from++) {
                Unit first = units.get(from);
                int node = PhraseTrie.ROOT;
                for (int to = from; to < runEnd && to - from < MAX_UNITS; to++) {
                    Unit last = units.get(to);
                    for (int stem = last.firstStem(); stem < last.stemEnd(); stem++) {
                        node = trie.child(node, stems[stem]);
                    }
                    if (last.participle()) {
                        continue;
                    }
                    Acronym acronym = from == to && !acronyms.isEmpty() ? acronyms.get(terms.term(last.term()))
                            : null;
                    Candidate candidate = candidateAt(acronym != null ? acronym.node : node);
                    if (candidate == null) {
                        candidate = add(new Candidate(node, null, unitTerms, from, to - from + 1, null,
                                first.inTitle(), first.start(), last.end(), from));
                    }
                    candidate.occurrences++;
                    candidate.inTitle |= first.inTitle();
                }
            }
        }
        for (Acronym acronym : acronyms.values()) {
            Candidate expansion = candidateAt(acronym.node);
            if (acronym.expansionHasStopWords) {
                // The expansion is not inside any run, so its defining occurrence was not counted.
                expansion.occurrences++;
                expansion.inTitle |= acronym.inTitle;
            }
        }
    }

    static CandidatePhrases of(AnalyzedText analyzed, WordClasses words) {
        return new CandidatePhrases(analyzed, words);
    }

    private Candidate candidateAt(int node) {
        return node < candidateAt.length ? candidateAt[node] : null;
    }

    private Candidate add(Candidate candidate) {
        if (candidate.node >= candidateAt.length) {
            candidateAt = Arrays.copyOf(candidateAt, Math.max(2 * candidateAt.length, trie.size()));
        }
        candidateAt[candidate.node] = candidate;
        candidates.add(candidate);
        return candidate;
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
    /** The length of the longest word in {@link #PRECEDES_VERB}: longer words need no look-up. */
    private static final int LONGEST_VERB_CUE = PRECEDES_VERB.stream().mapToInt(String::length).max().orElse(0);

    /**
     * An acronym's expansion: its normalised form, the {@link TermTable} numbers of its words other than stop
     * words, its node in the {@link PhraseTrie}, its surface form and where that was cut from, its first
     * occurrence.
     */
    private record Acronym(String expansion, int[] unitTerms, int node, String surface, int start, int end,
                           int position, boolean inTitle, boolean expansionHasStopWords) {
    }

    private void addUnits(List<WordToken> tokens, String text, boolean inTitle, WordClasses words,
                          Map<String, Acronym> acronyms) {
        int count = tokens.size();
        int i = 0;
        boolean firstOfSection = true;
        boolean verbExpected = false;
        while (i < count) {
            int end = i + 1;
            while (end < count && tokens.get(end).joinedToPrevious()) {
                end++;
            }
            WordToken first = tokens.get(i);
            WordToken last = tokens.get(end - 1);
            boolean phraseWord;
            int firstStem = stemCount;
            int term = terms.id(first.stem());
            addStem(term);
            if (end - i == 1) {
                phraseWord = words.isPhraseWord(first);
            } else {
                // A compound may start with a single letter ("e-commerce", "k-means") and end in a number ("GPT-4").
                phraseWord = (words.isPhraseWord(first) || first.lowerCase().length() == 1 && !first.numeric())
                        && !words.isStopWord(last.lowerCase()) && (WordClasses.isWordLike(last) || last.numeric());
                StringBuilder normalized = new StringBuilder(first.stem());
                for (int k = i + 1; k < end; k++) {
                    String stem = tokens.get(k).stem();
                    normalized.append(' ').append(stem);
                    addStem(terms.id(stem));
                }
                term = terms.id(normalized.toString());
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
            if (end - i == 1 && first.lowerCase().length() <= LONGEST_VERB_CUE
                    && PRECEDES_VERB.contains(first.lowerCase())) {
                verbExpected = true;
            }
            if (end - i == 1) {
                Acronym acronym = acronymAt(tokens, i, text, inTitle, units.size(), words);
                if (acronym != null) {
                    acronyms.putIfAbsent(first.stem(), acronym);
                }
            }
            unitTerms[units.size()] = term;
            units.add(new Unit(term, firstStem, stemCount, first.start(), last.end(), inTitle, phraseWord,
                    end - i == 1 && WordClasses.isParticiple(first.lowerCase()), boundaryBefore));
            firstOfSection = false;
            i = end;
        }
    }

    private void addStem(int term) {
        stems[stemCount++] = term;
    }

    /**
     * The expansion of an acronym written in parentheses right after it, e.g. "mixture of experts (MoE)" or
     * "convolutional neural networks (CNNs)": the acronym's letters are the initials of the words before the
     * parenthesis (stop words may be skipped when their initial is not in the acronym). Null when the token at
     * {@code index} is not such an acronym.
     */
    private Acronym acronymAt(List<WordToken> tokens, int index, String text, boolean inTitle, int unitPosition,
                              WordClasses words) {
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
        int[] unitTerms = new int[expansion.size()];
        int unitCount = 0;
        int node = PhraseTrie.ROOT;
        boolean hasStopWords = skippedStopWord;
        for (WordToken word : expansion) {
            if (normalized.length() > 0) {
                normalized.append(' ');
            }
            normalized.append(word.stem());
            int stem = terms.id(word.stem());
            node = trie.child(node, stem);
            if (words.isPhraseWord(word)) {
                unitTerms[unitCount++] = stem;
            } else if (!word.joinedToPrevious()) {
                // A stop word outside a hyphenated compound: no run holds the whole expansion.
                hasStopWords = true;
            }
        }
        int start = expansion.get(0).start();
        int end = expansion.get(expansion.size() - 1).end();
        String surface = collapseWhitespace(text.substring(start, end));
        return new Acronym(normalized.toString(), Arrays.copyOf(unitTerms, unitCount), node, surface, start, end,
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

    /**
     * Runs of phrase units, cut at non-phrase units and boundaries; a run's units are consecutive, since any other
     * unit ends it.
     */
    private void findRuns() {
        runBounds = new int[2 * Math.max(1, units.size())];
        int start = -1;
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            if (!unit.phraseWord() || unit.boundaryBefore() || start >= 0 && startsClause(units.get(i - 1), unit)) {
                closeRun(start, i);
                start = -1;
            }
            if (unit.phraseWord() && start < 0) {
                start = i;
            }
        }
        closeRun(start, units.size());
    }

    /**
     * An "-ing" word right after a plural noun usually starts a participle clause ("clusters touching the
     * boundary"), not a compound noun. The surface forms are compared lower-cased; ASCII text is compared in place
     * (lower-casing it keeps the length and maps letter for letter), other text is cut and lower-cased.
     */
    private boolean startsClause(Unit previous, Unit unit) {
        String text = unit.inTitle() ? title : abstractText;
        String previousText = previous.inTitle() ? title : abstractText;
        boolean ascii = (unit.inTitle() ? asciiTitle : asciiAbstract)
                && (previous.inTitle() ? asciiTitle : asciiAbstract)
                || isAscii(text, unit.start(), unit.end()) && isAscii(previousText, previous.start(), previous.end());
        if (!ascii) {
            return startsClause(previousText.substring(previous.start(), previous.end()).toLowerCase(Locale.ROOT),
                    text.substring(unit.start(), unit.end()).toLowerCase(Locale.ROOT));
        }
        return unit.end() - unit.start() > 5 && endsWithIgnoringCase(text, unit.end(), "ing")
                && previous.end() - previous.start() > 3 && endsWithIgnoringCase(previousText, previous.end(), "s")
                && !endsWithIgnoringCase(previousText, previous.end(), "ss")
                && !endsWithIgnoringCase(previousText, previous.end(), "us")
                && !endsWithIgnoringCase(previousText, previous.end(), "is");
    }

    private static boolean startsClause(String previous, String word) {
        return word.length() > 5 && word.endsWith("ing") && previous.length() > 3 && previous.endsWith("s")
                && !previous.endsWith("ss") && !previous.endsWith("us") && !previous.endsWith("is");
    }

    private static boolean isAscii(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text[.., end)} ends with {@code lowerCaseSuffix}, letters compared without case. */
    private static boolean endsWithIgnoringCase(String text, int end, String lowerCaseSuffix) {
        return text.regionMatches(true, end - lowerCaseSuffix.length(), lowerCaseSuffix, 0, lowerCaseSuffix.length());
    }

    /** Keeps units [start, end) as a run, without trailing participles; none when {@code start} is -1. */
    private void closeRun(int start, int end) {
        if (start < 0) {
            return;
        }
        while (end > start && units.get(end - 1).participle()) {
            end--;
        }
        if (end > start) {
            runBounds[2 * runCount] = start;
            runBounds[2 * runCount + 1] = end;
            runCount++;
        }
    }

    List<Unit> units() {
        return units;
    }

    /** The number of runs of phrase units. */
    int runCount() {
        return runCount;
    }

    /** The first unit (an index into {@link #units()}) of run {@code run}; runs are in text order. */
    int runStart(int run) {
        return runBounds[2 * run];
    }

    /** The unit after the last of run {@code run}. */
    int runEnd(int run) {
        return runBounds[2 * run + 1];
    }

    /** The normalised term numbered {@code id} (a unit's or a stem's). */
    String term(int id) {
        return terms.term(id);
    }

    /** How many terms are numbered; numbers run from 0 to this, exclusive. */
    int termCount() {
        return terms.size();
    }

    /** The candidates, in order of first occurrence. */
    List<Candidate> candidates() {
        return candidates;
    }
}
