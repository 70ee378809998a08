package io.paperwire.enrich.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermCountsTest {

    @Test
    void shouldCountLikeAMapOfLongsAsTheTableGrows() {
        TermCounts counts = new TermCounts();
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            String term = "t" + (i * 7919 % 1300);
            assertThat(counts.increment(term)).isEqualTo(expected.merge(term, 1L, Long::sum));
        }
        counts.put("set", 1_000_000_000_000L);
        expected.put("set", 1_000_000_000_000L);

        assertThat(counts.size()).isEqualTo(expected.size());
        assertThat(counts.toMap()).isEqualTo(expected);
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            assertThat(counts.getOrDefault(new String(entry.getKey()), -1)).isEqualTo(entry.getValue());
            assertThat(counts.containsKey(entry.getKey())).isTrue();
        }
        assertThat(counts.getOrDefault("absent", -1)).isEqualTo(-1);
        assertThat(counts.containsKey("absent")).isFalse();
    }

    @Test
    void shouldKeepEveryCountPutWhileTheTableGrows() {
        TermCounts counts = new TermCounts();
        for (int i = 0; i < 1000; i++) {
            counts.put("t" + i, 10L * i);
        }

        assertThat(counts.size()).isEqualTo(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(counts.getOrDefault("t" + i, -1)).isEqualTo(10L * i);
        }
    }

    @Test
    void shouldForgetEverythingWhenCleared() {
        TermCounts counts = new TermCounts();
        counts.put("a", 0);
        counts.increment("b");

        counts.clear();

        assertThat(counts.size()).isZero();
        assertThat(counts.containsKey("a")).isFalse();
        assertThat(counts.getOrDefault("b", 7)).isEqualTo(7);
        assertThat(counts.increment("b")).isEqualTo(1);
    }
}
