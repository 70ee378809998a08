package io.paperwire.enrich.keywords;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;

/**
 * A part-of-speech guess without a tagger: which words may be part of a noun-phrase-like keyphrase. Stop words
 * (Lucene's Snowball English list plus {@code stopwords.txt}: function words, discourse words and common verbs of
 * abstracts) and adverbs (the {@code -ly} suffix) end a phrase; numbers and single letters cannot be words of one;
 * a past participle ({@code -ed}) may modify a noun ("distributed systems") but does not end a phrase.
 */
final class WordClasses {

    /** Nouns and adjectives ending in -ly that are not adverbs. */
    private static final Set<String> NOT_ADVERBS = Set.of("anomaly", "assembly", "family", "supply", "monopoly",
            "butterfly", "reply", "italy", "ally", "rally", "jelly", "belly", "fly", "apply", "multiply", "comply",
            "imply", "rely", "poly", "oligopoly", "homily", "bully", "july", "early", "only", "daily", "weekly",
            "monthly", "yearly", "hourly", "friendly", "quarterly", "elderly", "holy", "ugly");

    private final CharArraySet stopWords;

    private WordClasses(CharArraySet stopWords) {
        this.stopWords = stopWords;
    }

    /** Lucene's Snowball English stop words plus the project's list. */
    static WordClasses english() {
        CharArraySet words = new CharArraySet(700, false);
        words.addAll(readSnowball(SnowballFilter.class, "english_stop.txt"));
        words.addAll(readProjectList("stopwords.txt"));
        return new WordClasses(CharArraySet.unmodifiableSet(words));
    }

    private static CharArraySet readSnowball(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lucene resource " + resource + " is missing from the class path");
            }
            return WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    private static CharArraySet readProjectList(String resource) {
        try (InputStream in = WordClasses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class-path resource io/paperwire/enrich/keywords/" + resource
                        + " is missing");
            }
            CharArraySet words = new CharArraySet(400, false);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                int comment = line.indexOf('#');
                String content = comment >= 0 ? line.substring(0, comment) : line;
                for (String word : content.trim().split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    boolean isStopWord(String lowerCase) {
        return stopWords.contains(lowerCase);
    }

    /** A token that can be a word of a keyphrase at all: has a letter, two characters or more, no dots. */
    static boolean isWordLike(WordToken token) {
        String word = token.lowerCase();
        if (token.numeric() || word.length() < 2 || word.indexOf('.') >= 0 || word.indexOf('_') >= 0) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    boolean isAdverb(String lowerCase) {
        return lowerCase.length() > 4 && lowerCase.endsWith("ly") && !NOT_ADVERBS.contains(lowerCase);
    }

    /** A past participle or past-tense verb by its suffix ("-ed" but not "-eed"). */
    static boolean isParticiple(String lowerCase) {
        return lowerCase.length() > 4 && lowerCase.endsWith("ed") && !lowerCase.endsWith("eed");
    }

    /** May start, end or sit inside a keyphrase. */
    boolean isPhraseWord(WordToken token) {
        return isWordLike(token) && !isStopWord(token.lowerCase()) && !isAdverb(token.lowerCase());
    }
}
