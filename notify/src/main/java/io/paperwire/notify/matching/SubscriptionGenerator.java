package io.paperwire.notify.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates realistic subscriptions for tests and benchmarks, deterministically from a seed. In: a seed, optional
 * paper keys that "more like these" subscriptions may use as seeds. Out: {@link SubscriptionSpec}s whose queries
 * combine words of {@link QueryVocabulary} drawn by Zipf rank (popular topics are asked for often, so identical
 * query strings are common, as they are among real subscribers), in the shapes subscribers write: a phrase, two
 * terms with AND, a phrase within a category, a tag, an author, a title word, an exclusion with NOT, a category
 * wildcard, a sloppy phrase.
 *
 * <p>Shares: {@value #MIN_TRENDING_PERCENT}% of subscriptions carry a minimum trending score,
 * {@value #PAUSED_PERCENT}% are paused, and the given share (default {@value #DEFAULT_SIMILARITY_SHARE}) are pure
 * "more like these papers" subscriptions when seed keys were given. The query shapes are weighted so that a paper
 * of a broad arXiv mix matches well under 1% of the subscriptions.
 */
public final class SubscriptionGenerator {

    /** Share of pure similarity subscriptions when seed keys are given. */
    public static final double DEFAULT_SIMILARITY_SHARE = 0.002;
    static final int MIN_TRENDING_PERCENT = 3;
    static final int PAUSED_PERCENT = 2;

    /** Zipf exponent of the vocabulary draws. */
    private static final double ZIPF_EXPONENT = 1.0;

    private final Random random;
    private final List<String> seedPaperKeys;
    private final double similarityShare;
    private final ZipfSampler terms = new ZipfSampler(QueryVocabulary.TERMS.size());
    private final ZipfSampler phrases = new ZipfSampler(QueryVocabulary.PHRASES.size());
    private final ZipfSampler tags = new ZipfSampler(QueryVocabulary.TOPIC_TAGS.size());
    private final ZipfSampler categories = new ZipfSampler(QueryVocabulary.CATEGORIES.size());
    private final ZipfSampler prefixes = new ZipfSampler(QueryVocabulary.CATEGORY_PREFIXES.size());
    private final ZipfSampler surnames = new ZipfSampler(QueryVocabulary.SURNAMES.size());
    private final ZipfSampler givenNames = new ZipfSampler(QueryVocabulary.GIVEN_NAMES.size());
    private int generated;

    /** A generator of query subscriptions only. */
    public SubscriptionGenerator(long seed) {
        this(seed, List.of(), DEFAULT_SIMILARITY_SHARE);
    }

    /**
     * @param seed            random seed: the same seed gives the same subscriptions
     * @param seedPaperKeys   paper keys similarity subscriptions may use as seeds (none: no such subscriptions)
     * @param similarityShare share of similarity subscriptions, 0..1
     */
    public SubscriptionGenerator(long seed, List<String> seedPaperKeys, double similarityShare) {
        if (similarityShare < 0 || similarityShare > 1) {
            throw new IllegalArgumentException("similarity share must be in [0, 1], was " + similarityShare);
        }
        this.random = new Random(seed);
        this.seedPaperKeys = List.copyOf(seedPaperKeys);
        this.similarityShare = seedPaperKeys.isEmpty() ? 0 : similarityShare;
    }

    /** The next {@code count} subscriptions. */
    public List<SubscriptionSpec> generate(int count) {
        List<SubscriptionSpec> specs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            specs.add(next());
        }
        return specs;
    }

    /** The next subscription, with id {@code gen-<n>}. */
    public SubscriptionSpec next() {
        String id = String.format(Locale.ROOT, "gen-%07d", ++generated);
        boolean active = random.nextInt(100) >= PAUSED_PERCENT;
        if (random.nextDouble() < similarityShare) {
            int seedCount = 1 + random.nextInt(3);
            List<String> seeds = new ArrayList<>();
            for (int i = 0; i < seedCount; i++) {
                seeds.add(seedPaperKeys.get(random.nextInt(seedPaperKeys.size())));
            }
            double threshold = 0.25 + 0.05 * random.nextInt(4);
            return new SubscriptionSpec(id, null, seeds, threshold, null, active);
        }
        Double minTrending = random.nextInt(100) < MIN_TRENDING_PERCENT ? (double) (1 + random.nextInt(3)) : null;
        return new SubscriptionSpec(id, nextQuery(), List.of(), null, minTrending, active);
    }

    /** The next query string alone. */
    public String nextQuery() {
        int shape = random.nextInt(100);
        if (shape < 12) {
            return quoted(phrase());
        } else if (shape < 26) {
            return term() + " AND " + term();
        } else if (shape < 36) {
            return quoted(phrase()) + " AND categories:" + category();
        } else if (shape < 44) {
            return "tags:" + quoted(tag());
        } else if (shape < 50) {
            return "authors:" + quoted(surname()) + " AND categories:" + category();
        } else if (shape < 56) {
            return "authors:" + quoted(givenName() + " " + surname());
        } else if (shape < 62) {
            return "title:" + term();
        } else if (shape < 70) {
            return "categories:" + category() + " AND " + term();
        } else if (shape < 76) {
            return "(" + term() + " OR " + term() + ") AND " + quoted(phrase());
        } else if (shape < 82) {
            return quoted(phrase()) + " AND NOT categories:" + categoryPrefix();
        } else if (shape < 86) {
            return "keywords:" + quoted(phrase());
        } else if (shape < 90) {
            return "tags:" + quoted(tag()) + " AND categories:" + categoryPrefix();
        } else if (shape < 94) {
            return "abstract:" + quoted(phrase()) + "~3";
        } else if (shape < 97) {
            String word = term();
            return "title:" + word.substring(0, Math.max(3, word.length() * 2 / 3)) + "*";
        } else if (shape < 99) {
            return term() + " AND " + term() + " AND " + term();
        }
        return "categories:" + category();
    }

    private String term() {
        return QueryVocabulary.TERMS.get(terms.sample(random));
    }

    private String phrase() {
        return QueryVocabulary.PHRASES.get(phrases.sample(random));
    }

    private String tag() {
        return QueryVocabulary.TOPIC_TAGS.get(tags.sample(random));
    }

    private String category() {
        return QueryVocabulary.CATEGORIES.get(categories.sample(random));
    }

    private String categoryPrefix() {
        return QueryVocabulary.CATEGORY_PREFIXES.get(prefixes.sample(random));
    }

    private String surname() {
        return QueryVocabulary.SURNAMES.get(surnames.sample(random));
    }

    private String givenName() {
        return QueryVocabulary.GIVEN_NAMES.get(givenNames.sample(random));
    }

    private static String quoted(String text) {
        return '"' + text + '"';
    }

    /** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
    private static final class ZipfSampler {
        private final double[] cumulative;

        ZipfSampler(int size) {
            cumulative = new double[size];
            double sum = 0;
            for (int rank = 0; rank < size; rank++) {
                sum += 1.0 / Math.pow(rank + 1, ZIPF_EXPONENT);
                cumulative[rank] = sum;
            }
            for (int rank = 0; rank < size; rank++) {
                cumulative[rank] /= sum;
            }
        }

        int sample(Random random) {
            double u = random.nextDouble();
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] < u) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
