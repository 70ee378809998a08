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
         * offset), so two phrases of a topic matching at one place count once.
         */
        final java.util.Set<Long> places = new java.util.HashSet<>();

        void add(Field field, int keyphraseIndex, int start, boolean acronym, String surface) {
            long place = ((long) field.ordinal() << 62) | ((long) keyphraseIndex << 31) | start;
            if (!places.add(place)) {
                return;
            }
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
            if (evidence == null || field.ordinal() < evidenceField.ordinal()) {
                evidence = field.name().toLowerCase(java.util.Locale.ROOT) + ": \"" + surface + "\"";
                evidenceField = field;
            }
        }

        double confidence() {
            double title = titlePhrase > 0 ? TITLE_PHRASE : titleAcronym > 0 ? TITLE_ACRONYM : 0;
            double inAbstract = ABSTRACT_FIRST * Math.min(abstractUnits, 1)
                    + ABSTRACT_MORE * Math.min(Math.max(abstractUnits - 1, 0), 3);
            return title + inAbstract + (keyphrase ? KEYPHRASE : 0);
        }
    }

    private final TopicTaxonomy taxonomy;
    private final double minConfidence;
    private final int maxTags;
    private final String origin;
    private final StemmedTokenizer tokenizer = new StemmedTokenizer(StemmedTokenizer.Stemming.PLURALS);
    private final Map<String, List<PhraseEntry>> phrasesByFirstStem = new HashMap<>();
    private final Map<String, List<Integer>> topicsByAcronym = new HashMap<>();

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
        Map<Integer, Hits> hits = new HashMap<>();
        scan(title, Field.TITLE, 0, hits);
        scan(abstractText, Field.ABSTRACT, 0, hits);
        if (keyphrases != null) {
            for (int k = 0; k < keyphrases.size(); k++) {
                scan(keyphrases.get(k), Field.KEYPHRASES, k, hits);
            }
        }
        return tags(categories, hits);
    }

    /** Turns all hits into tags, best first. */
    private List<TagMatch> tags(List<String> categories, Map<Integer, Hits> hits) {
        List<TagMatch> tags = new ArrayList<>();
        for (Map.Entry<Integer, Hits> entry : hits.entrySet()) {
            Topic topic = taxonomy.topics().get(entry.getKey());
            double confidence = entry.getValue().confidence();
            String evidence = entry.getValue().evidence;
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
        Map<Integer, Hits> hits = new HashMap<>();
        EnglishMinimalStemmer stemmer = new EnglishMinimalStemmer();
        List<StemmedTokenizer.Token> titleTokens = pluralTokens(text.titleWords(), 0, text.titleWords().size(), 0,
                stemmer);
        List<StemmedTokenizer.Token> abstractTokens = pluralTokens(text.abstractWords(), 0,
                text.abstractWords().size(), 0, stemmer);
        scan(text.title(), titleTokens, Field.TITLE, 0, hits);
        scan(text.abstractText(), abstractTokens, Field.ABSTRACT, 0, hits);
        if (keyphrases != null) {
            for (int k = 0; k < keyphrases.size(); k++) {
                PlacedKeyword keyphrase = keyphrases.get(k);
                String phrase = keyphrase.keyword().phrase();
                List<WordToken> words = keyphrase.inTitle() ? text.titleWords() : text.abstractWords();
                String field = keyphrase.inTitle() ? text.title() : text.abstractText();
                List<StemmedTokenizer.Token> tokens = isVerbatimPlainPlace(phrase, field, keyphrase)
                        ? placeTokens(words, keyphrase.start(), keyphrase.end(), stemmer)
                        : tokenizer.tokens(phrase);
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
     * The plural-folded tokens of the analysed words inside [start, end) of their field, with offsets relative
     * to {@code start} (as if the place's text had been tokenised on its own).
     */
    private static List<StemmedTokenizer.Token> placeTokens(List<WordToken> words, int start, int end,
                                                            EnglishMinimalStemmer stemmer) {
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
        return pluralTokens(words, low, to, start, stemmer);
    }

    /**
     * Words {@code [from, to)} as plural-folded tokens, as {@link StemmedTokenizer.Stemming#PLURALS} would give
     * them, their offsets less {@code shift}.
     */
    private static List<StemmedTokenizer.Token> pluralTokens(List<WordToken> words, int from, int to, int shift,
                                                             EnglishMinimalStemmer stemmer) {
        List<StemmedTokenizer.Token> tokens = new ArrayList<>(to - from);
        char[] buffer = new char[32];
        for (int i = from; i < to; i++) {
            WordToken word = words.get(i);
            String lowerCase = word.lowerCase();
            if (buffer.length < lowerCase.length()) {
                buffer = new char[lowerCase.length()];
            }
            lowerCase.getChars(0, lowerCase.length(), buffer, 0);
            int length = stemmer.stem(buffer, lowerCase.length());
            String stem = length == lowerCase.length() ? lowerCase : new String(buffer, 0, length);
            tokens.add(new StemmedTokenizer.Token(stem, word.surface(), word.start() - shift, word.end() - shift,
                    false));
        }
        return tokens;
    }

    private void scan(String text, Field field, int keyphraseIndex, Map<Integer, Hits> hits) {
        scan(text, tokenizer.tokens(text), field, keyphraseIndex, hits);
    }

    private void scan(String text, List<StemmedTokenizer.Token> tokens, Field field, int keyphraseIndex,
                      Map<Integer, Hits> hits) {
        for (int i = 0; i < tokens.size(); i++) {
            StemmedTokenizer.Token token = tokens.get(i);
            for (PhraseEntry phrase : phrasesByFirstStem.getOrDefault(token.stem(), List.of())) {
                if (matchesAt(tokens, i, phrase.stems())) {
                    String surface = text.substring(token.start(), tokens.get(i + phrase.stems().length - 1).end());
                    hits.computeIfAbsent(phrase.topic(), k -> new Hits())
                            .add(field, keyphraseIndex, token.start(), false, surface);
                }
            }
            List<Integer> acronymTopics = acronymTopics(token.surface());
            for (int topic : acronymTopics) {
                hits.computeIfAbsent(topic, k -> new Hits())
                        .add(field, keyphraseIndex, token.start(), true, token.surface());
            }
        }
    }

    private List<Integer> acronymTopics(String surface) {
        List<Integer> topics = topicsByAcronym.get(surface);
        if (topics == null && surface.length() > 2 && surface.endsWith("s")) {
            topics = topicsByAcronym.get(surface.substring(0, surface.length() - 1));
        }
        return topics == null ? List.of() : topics;
    }

    private static boolean matchesAt(List<StemmedTokenizer.Token> tokens, int start, String[] stems) {
        if (start + stems.length > tokens.size()) {
            return false;
        }
        for (int j = 1; j < stems.length; j++) {
            if (!tokens.get(start + j).stem().equals(stems[j])) {
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
