package io.paperwire.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.paperwire.schemas.EnrichedPaper;
import org.junit.jupiter.api.Test;

/**
 * Subscription changes reach Monitor in one update before the next match: whatever sequence of upserts, replacements
 * and removals came before (one record at a time, as the subscriptions topic replays them), a match sees exactly the
 * subscriptions that exist at that moment.
 */
class DeferredRegistrationTest {

    @Test
    void shouldMatchExactlyTheSubscriptionsThatExistAtEachMatch() throws IOException {
        EnrichedPaper paper = TestPapers.fixtures().get(0);
        String word = firstTitleWord(paper);
        try (PaperMatcher matcher = PaperMatcher.create()) {
            matcher.upsert(SubscriptionSpec.ofQuery("a", "title:" + word));
            matcher.upsert(SubscriptionSpec.ofQuery("b", "title:" + word));
            matcher.upsert(SubscriptionSpec.ofQuery("c", "title:zzzzunmatchable"));
            matcher.remove("b");
            matcher.upsert(SubscriptionSpec.ofQuery("c", "title:" + word));
            assertThat(ids(matcher.match(paper))).containsExactly("a", "c");

            matcher.remove("a");
            matcher.upsert(SubscriptionSpec.ofQuery("a", "title:zzzzunmatchable"));
            matcher.upsert(SubscriptionSpec.ofQuery("d", "title:" + word));
            matcher.remove("d");
            assertThat(ids(matcher.match(paper))).containsExactly("c");

            matcher.remove("c");
            matcher.flush();
            assertThat(matcher.match(paper)).isEmpty();
            assertThat(matcher.subscriptionCount()).isEqualTo(1);
        }
    }

    private static Set<String> ids(List<SubscriptionMatch> matches) {
        Set<String> ids = new TreeSet<>();
        matches.forEach(m -> ids.add(m.subscriptionId()));
        return ids;
    }

    private static String firstTitleWord(EnrichedPaper paper) {
        for (String word : paper.getPaper().getTitle().split("[^A-Za-z]+")) {
            if (word.length() >= 5) {
                return word.toLowerCase(java.util.Locale.ROOT);
            }
        }
        throw new IllegalStateException("no long word in " + paper.getPaper().getTitle());
    }
}
