package io.paperwire.enrich.tags;

import io.paperwire.enrich.keywords.AnalyzedText;
import io.paperwire.enrich.keywords.PlacedKeyword;
import io.paperwire.enrich.keywords.WordToken;
import io.paperwire.schemas.TagKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;

/**
 * Finds the topics of a {@link TopicTaxonomy} in a paper. Input: title, abstract, optionally keyphrases and the
 * paper's categories. Output: TOPIC {@link TagMatch}es, most confident first, origin {@code taxonomy:<version>},
 * evidence the text that fired ({@code title: "Mixture-of-Experts"}).
 *
 * <p>Phrases (a topic's name, phrases and synonyms) match as whole sequences of Lucene tokens with plurals folded
 * ({@link StemmedTokenizer.Stemming#PLURALS}), so {@code mixtures-of-experts} matches {@code mixture of experts};
 * the Porter stemmer is not used here because it merges names with common words ({@code transformers} and
 * {@code transformation}, {@code interpretability} and {@code interpretation}, {@code photonics} and
 * {@code photon}). Acronyms match the
 * written token exactly, plural {@code s} allowed, and count half as much as a phrase. Confidence, clamped to 1:
 * <ul>
 *   <li>title: {@value #TITLE_PHRASE} for a phrase, {@value #TITLE_ACRONYM} for an acronym only;
 *   <li>abstract, with {@code n} = phrase hits + ½ acronym hits: {@value #ABSTRACT_FIRST} × min(n, 1) +
 *       {@value #ABSTRACT_MORE} × min(max(n − 1, 0), 3);
 *   <li>keyphrases: {@value #KEYPHRASE} when any keyphrase contains a phrase or acronym;
 *   <li>plus {@value #CATEGORY_BOOST} when the paper carries a related category — never on its own.
 * </ul>
 * Topics under {@code minConfidence} are dropped; at most {@code maxTags} are kept. Thread-safe.
 */
public final class TopicTagger {

    static final double TITLE_PHRASE = 0.55;
    static final double TITLE_ACRONYM = 0.3;
    static final double ABSTRACT_FIRST = 0.35;
    static final double ABSTRACT_MORE = 0.1;
    static final double KEYPHRASE = 0.25;
    static final double CATEGORY_BOOST = 0.15;
    /** Default threshold: one phrase in the abstract is enough, one acronym alone is not (unless the category fits). */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.3;
    public static final int DEFAULT_MAX_TAGS = 10;

    private record PhraseEntry(int topic, String[] stems) {
    }

    private enum Field { TITLE, ABSTRACT, KEYPHRASES }

    /** What fired for one topic in one paper. */
    private static final class Hits {
        double titlePhrase;
        double titleAcronym;
        double abstractUnits;
        boolean keyphrase;
        String evidence;
        Field evidenceField;
        /**
         * Field, keyphrase and start offset of every hit (packed in a long: field, then keyphrase index, then
         * offset), so two phrases of a topic matching at one place count once. A topic has a handful of hits in
         * a paper, so a list searched from the start is cheaper than a set of boxed longs.
         */
        private long[] places = new long[4];
        private int placeCount;

        /**
         * Counts a hit unless one of this topic's phrases already hit at that place.
         *
         * @return true when the hit counted and its field is better evidence than what the topic has, so the
         *     caller should give its text to {@link #evidence(Field, String)}
         */
        boolean add(Field field, int keyphraseIndex, int start, boolean acronym) {
            long place = ((long) field.ordinal() << 62) | ((long) keyphraseIndex << 31) | start;
            for (int i = 0; i < placeCount; i++) {
                if (places[i] == place) {
                    return false;
                }
            }
            if (placeCount == places.length) {
                places = java.util.Arrays.copyOf(places, placeCount * 2);
            }
            places[placeCount++] = place;
            switch (field) {
                case TITLE -> {
                    if (acronym) {
                        titleAcronym = 1;
                    } else {
                        titlePhrase = 1;
                    }
                }
                case ABSTRACT -> abstractUnits += acronym ? 0.5 : 1.0;
                case KEYPHRASES -> keyphrase = true;
            }
            return evidence == null || field.ordinal() < evidenceField.ordinal();
        }

        void evidence(Field field, String surface) {
            evidence = field.name().toLowerCase(java.util.Locale.ROOT) + ": \"" + surface + "\"";
            evidenceField = field;
        }

        double confidence() {
            double title = titlePhrase > 0 ? TITLE_PHRASE : titleAcronym > 0 ? TITLE_ACRONYM : 0;
            double inAbstract = ABSTRACT_FIRST * Math.min(abstractUnits, 1)
                    + ABSTRACT_MORE * Math.min(Math.max(abstractUnits - 1, 0), 3);
            return title + inAbstract + (keyphrase ? KEYPHRASE : 0);
        }
    }

    /** The tokens a scan reads, by position: plural-folded stem, the text as written, and its offsets. */
    private interface TokenSequence {
        int size();

        String stem(int i);

        String surface(int i);

        int start(int i);

        int end(int i);
    }

    /** Tokens of a text that the tagger's own tokenizer produced. */
    private record TokenizedText(List<StemmedTokenizer.Token> tokens) implements TokenSequence {
        @Override
        public int size() {
            return tokens.size();
        }

        @Override
        public String stem(int i) {
            return tokens.get(i).stem();
        }

        @Override
        public String surface(int i) {
            return tokens.get(i).surface();
        }

        @Override
        public int start(int i) {
            return tokens.get(i).start();
        }

        @Override
        public int end(int i) {
            return tokens.get(i).end();
        }
    }

    /**
     * Words {@code [from, to)} of a field's shared analysis with their plural-folded stems ({@code stems} is
     * parallel to {@code words}), offsets less {@code shift}: a keyphrase's place reads as if its text had been
     * tokenised on its own. The stems of a field are folded once and shared by its keyphrases.
     */
    private record FoldedWords(List<WordToken> words, String[] stems, int from, int to, int shift)
            implements TokenSequence {
        @Override
        public int size() {
            return to - from;
        }

        @Override
        public String stem(int i) {
            return stems[from + i];
        }

        @Override
        public String surface(int i) {
            return words.get(from + i).surface();
        }

        @Override
        public int start(int i) {
            return words.get(from + i).start() - shift;
        }

        @Override
        public int end(int i) {
            return words.get(from + i).end() - shift;
        }
    }

    private final TopicTaxonomy taxonomy;
    private final double minConfidence;
    private final int maxTags;
    private final String origin;
    private final StemmedTokenizer tokenizer = new StemmedTokenizer(StemmedTokenizer.Stemming.PLURALS);
    private final Map<String, List<PhraseEntry>> phrasesByFirstStem = new HashMap<>();
    /**
     * Topics by acronym as written, and by an acronym with a plural {@code s} (MoEs) where that is not an
     * acronym itself, so a token needs one look-up and no substring.
     */
    private final Map<String, int[]> topicsByAcronymToken = new HashMap<>();
    /** Stateless (Lucene's plural folding works in the caller's buffer), so one instance serves every thread. */
    private static final EnglishMinimalStemmer PLURAL_STEMMER = new EnglishMinimalStemmer();

    public TopicTagger(TopicTaxonomy taxonomy) {
        this(taxonomy, DEFAULT_MIN_CONFIDENCE, DEFAULT_MAX_TAGS);
    }

    public TopicTagger(TopicTaxonomy taxonomy, double minConfidence, int maxTags) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        if (maxTags < 1) {
            throw new IllegalArgumentException("maxTags must be at least 1, was " + maxTags);
        }
        this.minConfidence = minConfidence;
        this.maxTags = maxTags;
        this.origin = "taxonomy:" + taxonomy.version();
        List<Topic> topics = taxonomy.topics();
        Map<String, List<Integer>> topicsByAcronym = new HashMap<>();
        for (int t = 0; t < topics.size(); t++) {
            Topic topic = topics.get(t);
            List<String> phrases = new ArrayList<>();
            phrases.add(topic.name());
            phrases.addAll(topic.phrases());
            phrases.addAll(topic.synonyms());
            for (String phrase : phrases) {
                List<String> stems = tokenizer.stems(phrase);
                if (!stems.isEmpty()) {
                    phrasesByFirstStem.computeIfAbsent(stems.get(0), k -> new ArrayList<>())
                            .add(new PhraseEntry(t, stems.toArray(String[]::new)));
                }
            }
            for (String acronym : topic.acronyms()) {
                topicsByAcronym.computeIfAbsent(acronym, k -> new ArrayList<>()).add(t);
            }
        }
        topicsByAcronym.forEach((acronym, topicIds) -> topicsByAcronymToken.put(acronym,
                topicIds.stream().mapToInt(Integer::intValue).toArray()));
        topicsByAcronym.forEach((acronym, topicIds) -> {
            // As before: a token that is no acronym is read as a plural when longer than two characters.
            String plural = acronym + "s";
            if (plural.length() > 2 && !topicsByAcronym.containsKey(plural)) {
                topicsByAcronymToken.put(plural, topicsByAcronymToken.get(acronym));
            }
        });
    }

    /** The version of the taxonomy in use, as written at the top of its file. */
    public String taxonomyVersion() {
        return taxonomy.version();
    }

    /** Topics of a paper from its title and abstract. */
    public List<TagMatch> tag(String title, String abstractText) {
        return tag(title, abstractText, List.of(), List.of());
    }

    /**
     * Topics of a paper.
     *
     * @param keyphrases extracted keyphrases, each matched on its own (may be empty)
     * @param categories the paper's arXiv categories, for the related-category boost (may be empty)
     */
    public List<TagMatch> tag(String title, String abstractText, List<String> keyphrases, List<String> categories) {
        Hits[] hits = new Hits[taxonomy.topics().size()];
        scan(title, Field.TITLE, 0, hits);
        scan(abstractText, Field.ABSTRACT, 0, hits);
        if (keyphrases != null) {
            for (int k = 0; k < keyphrases.size(); k++) {
                scan(keyphrases.get(k), Field.KEYPHRASES, k, hits);
            }
        }
        return tags(categories, hits);
    }

    /**
     * Turns all hits (indexed by topic, null where none) into tags, best first. The order is total (confidence,
     * then the unique topic name), so it does not depend on the order topics are visited in.
     */
    private List<TagMatch> tags(List<String> categories, Hits[] hits) {
        List<TagMatch> tags = new ArrayList<>();
        for (int t = 0; t < hits.length; t++) {
            if (hits[t] == null) {
                continue;
            }
            Topic topic = taxonomy.topics().get(t);
            double confidence = hits[t].confidence();
            String evidence = hits[t].evidence;
            String related = relatedCategory(topic, categories);
            if (related != null) {
                confidence += CATEGORY_BOOST;
                evidence += "; category " + related;
            }
            confidence = Math.min(1.0, confidence);
            if (confidence >= minConfidence) {
                tags.add(new TagMatch(topic.name(), topic.label(), TagKind.TOPIC, confidence, origin, evidence));
            }
        }
        tags.sort(Comparator.comparingDouble(TagMatch::confidence).reversed().thenComparing(TagMatch::tag));
        return tags.size() > maxTags ? List.copyOf(tags.subList(0, maxTags)) : List.copyOf(tags);
    }

    /**
     * {@link #tag(String, String, List, List)} on a paper's shared analysis: title and abstract are not tokenised
     * again. Their words' plural-folded forms come from the analysis's lower-cased (ASCII-folded) words, so an
     * accented spelling matches the plain one ("naïve Bayes" matches "naive bayes").
     *
     * <p>A keyphrase is read from the analysed words of the place it was cut from when that gives exactly the
     * tokens that tokenising the phrase on its own would give: the phrase is that place's text verbatim (no
     * whitespace was collapsed) and holds only ASCII characters other than those LaTeX markup starts with, so
     * neither ASCII folding nor either LaTeX filter changes anything, and the standard tokenizer splits the phrase
     * where it split the text (the place starts and ends at word boundaries). Any other keyphrase is tokenised
     * on its own, as {@link #tag(String, String, List, List)} does.
     */
    public List<TagMatch> tag(AnalyzedText text, List<PlacedKeyword> keyphrases, List<String> categories) {
        Hits[] hits = new Hits[taxonomy.topics().size()];
        String[] titleStems = foldPlurals(text.titleWords());
        String[] abstractStems = foldPlurals(text.abstractWords());
        scan(text.title(), new FoldedWords(text.titleWords(), titleStems, 0, titleStems.length, 0), Field.TITLE, 0,
                hits);
        scan(text.abstractText(), new FoldedWords(text.abstractWords(), abstractStems, 0, abstractStems.length, 0),
                Field.ABSTRACT, 0, hits);
        if (keyphrases != null) {
            for (int k = 0; k < keyphrases.size(); k++) {
                PlacedKeyword keyphrase = keyphrases.get(k);
                String phrase = keyphrase.keyword().phrase();
                List<WordToken> words = keyphrase.inTitle() ? text.titleWords() : text.abstractWords();
                String[] stems = keyphrase.inTitle() ? titleStems : abstractStems;
                String field = keyphrase.inTitle() ? text.title() : text.abstractText();
                TokenSequence tokens = isVerbatimPlainPlace(phrase, field, keyphrase)
                        ? placeWords(words, stems, keyphrase.start(), keyphrase.end())
                        : new TokenizedText(tokenizer.tokens(phrase));
                scan(phrase, tokens, Field.KEYPHRASES, k, hits);
            }
        }
        return tags(categories, hits);
    }

    /**
     * Whether {@code phrase} is {@code field[start, end)} character for character and holds only ASCII characters
     * other than the ones a LaTeX match of either analyzer starts with.
     */
    private static boolean isVerbatimPlainPlace(String phrase, String field, PlacedKeyword place) {
        if (place.end() > field.length() || place.end() - place.start() != phrase.length()
                || !field.regionMatches(place.start(), phrase, 0, phrase.length())) {
            return false;
        }
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (c >= 0x80 || c == '$' || c == '\\' || c == '{' || c == '}' || c == '^' || c == '_' || c == '~') {
                return false;
            }
        }
        return true;
    }

    /**
     * The analysed words inside [start, end) of their field with their plural-folded stems, offsets relative to
     * {@code start} (as if the place's text had been tokenised on its own).
     */
    private static TokenSequence placeWords(List<WordToken> words, String[] stems, int start, int end) {
        int low = 0;
        int high = words.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (words.get(middle).start() < start) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        int to = low;
        while (to < words.size() && words.get(to).end() <= end) {
            to++;
        }
        return new FoldedWords(words, stems, low, to, start);
    }

    /**
     * The plural-folded form of each word, as {@link StemmedTokenizer.Stemming#PLURALS} would give it. The
     * stemmer leaves words shorter than three characters or not ending in {@code s} alone, so only those others
     * are copied and folded; a word it leaves whole keeps its lower-cased string.
     */
    private static String[] foldPlurals(List<WordToken> words) {
        String[] stems = new String[words.size()];
        char[] buffer = null;
        for (int i = 0; i < stems.length; i++) {
            String lowerCase = words.get(i).lowerCase();
            int length = lowerCase.length();
            if (length < 3 || lowerCase.charAt(length - 1) != 's') {
                stems[i] = lowerCase;
                continue;
            }
            if (buffer == null || buffer.length < length) {
                buffer = new char[Math.max(32, length)];
            }
            lowerCase.getChars(0, length, buffer, 0);
            int stemmed = PLURAL_STEMMER.stem(buffer, length);
            stems[i] = stemmed == length ? lowerCase : new String(buffer, 0, stemmed);
        }
        return stems;
    }

    private void scan(String text, Field field, int keyphraseIndex, Hits[] hits) {
        scan(text, new TokenizedText(tokenizer.tokens(text)), field, keyphraseIndex, hits);
    }

    private void scan(String text, TokenSequence tokens, Field field, int keyphraseIndex, Hits[] hits) {
        for (int i = 0; i < tokens.size(); i++) {
            int start = tokens.start(i);
            List<PhraseEntry> phrases = phrasesByFirstStem.get(tokens.stem(i));
            if (phrases != null) {
                for (int p = 0; p < phrases.size(); p++) {
                    PhraseEntry phrase = phrases.get(p);
                    if (matchesAt(tokens, i, phrase.stems())) {
                        Hits topic = hitsOf(hits, phrase.topic());
                        if (topic.add(field, keyphraseIndex, start, false)) {
                            topic.evidence(field, text.substring(start, tokens.end(i + phrase.stems().length - 1)));
                        }
                    }
                }
            }
            int[] acronymTopics = topicsByAcronymToken.get(tokens.surface(i));
            if (acronymTopics != null) {
                for (int topic : acronymTopics) {
                    Hits topicHits = hitsOf(hits, topic);
                    if (topicHits.add(field, keyphraseIndex, start, true)) {
                        topicHits.evidence(field, tokens.surface(i));
                    }
                }
            }
        }
    }

    private static Hits hitsOf(Hits[] hits, int topic) {
        if (hits[topic] == null) {
            hits[topic] = new Hits();
        }
        return hits[topic];
    }

    private static boolean matchesAt(TokenSequence tokens, int start, String[] stems) {
        if (start + stems.length > tokens.size()) {
            return false;
        }
        for (int j = 1; j < stems.length; j++) {
            if (!tokens.stem(start + j).equals(stems[j])) {
                return false;
            }
        }
        return true;
    }

    /** The first paper category that a topic lists, either exactly or as its archive ({@code astro-ph}). */
    private static String relatedCategory(Topic topic, List<String> categories) {
        if (categories == null) {
            return null;
        }
        for (String category : categories) {
            for (String related : topic.categories()) {
                if (category.equals(related) || category.startsWith(related + ".")) {
                    return category;
                }
            }
        }
        return null;
    }
}
