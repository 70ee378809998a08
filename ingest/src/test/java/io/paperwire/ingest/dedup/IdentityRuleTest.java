package io.paperwire.ingest.dedup;

import static io.paperwire.ingest.support.Papers.feedSighting;
import static io.paperwire.ingest.support.Papers.paper;
import static io.paperwire.ingest.support.Papers.rehash;
import static io.paperwire.ingest.support.Papers.sighting;
import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.ingest.parse.AnnounceType;
import io.paperwire.ingest.parse.ParseResult.ParsedPaper;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityRuleTest {

    private final PaperLedger ledger = new PaperLedger();
    private final IdentityRule rule = IdentityRule.defaults();

    private Verdict decideAndCommit(ParsedPaper sighting) {
        DedupBatch batch = new DedupBatch(ledger, rule);
        Verdict verdict = batch.decide(sighting);
        batch.commit();
        return verdict;
    }

    @Test
    void shouldPublishTheFirstSightingAsNewPaper() {
        Verdict verdict = decideAndCommit(sighting(paper("2411.00001", 1, "arxiv-feed", List.of("cs.LG"))));
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Publish.class,
                p -> assertThat(p.kind()).isEqualTo(PaperEventKind.NEW_PAPER));
        assertThat(ledger.lookup("arxiv:2411.00001")).map(KnownPaper::version).contains(1);
    }

    @Test
    void shouldDropAnIdenticalSightingWhicheverSourceSawItFirst() {
        decideAndCommit(sighting(paper("2411.00001", 1, "arxiv-oai", List.of("cs.LG"))));
        Verdict again = decideAndCommit(sighting(paper("2411.00001", 1, "arxiv-api", List.of("cs.LG"))));
        assertThat(again).isEqualTo(new Verdict.Duplicate("arxiv:2411.00001", 1));
    }

    @Test
    void shouldPublishAHigherVersionAsNewVersion() {
        decideAndCommit(sighting(paper("2411.00001", 1, "arxiv-oai", List.of("cs.LG"))));
        Verdict v2 = decideAndCommit(feedSighting(paper("2411.00001", 2, "arxiv-feed", List.of("cs.LG")),
                AnnounceType.REPLACE));
        assertThat(v2).isInstanceOfSatisfying(Verdict.Publish.class, p -> {
            assertThat(p.kind()).isEqualTo(PaperEventKind.NEW_VERSION);
            assertThat(p.paper().getVersion()).isEqualTo(2);
        });
        assertThat(ledger.lookup("arxiv:2411.00001")).map(KnownPaper::version).contains(2);
    }

    @Test
    void shouldMergeCategoriesOfACrossListIntoAMetadataUpdate() {
        decideAndCommit(sighting(paper("2411.00001", 1, "arxiv-oai", List.of("cs.LG", "cs.AI"))));
        Verdict cross = decideAndCommit(feedSighting(paper("2411.00001", 1, "arxiv-feed",
                List.of("stat.ML", "cs.LG")), AnnounceType.CROSS));

        assertThat(cross).isInstanceOfSatisfying(Verdict.Publish.class, p -> {
            assertThat(p.kind()).isEqualTo(PaperEventKind.METADATA_UPDATE);
            assertThat(p.paper().getCategories()).containsExactly("cs.LG", "cs.AI", "stat.ML");
            assertThat(p.paper().getPrimaryCategory()).isEqualTo("cs.LG");
            assertThat(p.paper().getContentHash())
                    .isNotEqualTo(paper("2411.00001", 1, "x", List.of("cs.LG", "cs.AI")).getContentHash());
        });
        Verdict crossAgain = decideAndCommit(feedSighting(paper("2411.00001", 1, "arxiv-feed",
                List.of("stat.ML")), AnnounceType.CROSS));
        assertThat(crossAgain).isInstanceOf(Verdict.Duplicate.class);
    }

    @Test
    void shouldPublishACorrectedAbstractAsAMetadataUpdate() {
        decideAndCommit(sighting(paper("2411.00001", 1, "arxiv-oai", List.of("cs.LG"))));
        Paper corrected = paper("2411.00001", 1, "arxiv-oai", List.of("cs.LG"));
        corrected.setAbstractText("We describe a corrected invented result.");
        Verdict verdict = decideAndCommit(sighting(rehash(corrected)));
        assertThat(verdict).isInstanceOfSatisfying(Verdict.Publish.class,
                p -> assertThat(p.kind()).isEqualTo(PaperEventKind.METADATA_UPDATE));
    }

    @Test
    void shouldNotTreatFieldsASourceOmitsAsChanges() {
        Paper full = paper("2411.00001", 1, "arxiv-oai", List.of("cs.LG"));
        full.setDoi("10.1000/made-up");
        decideAndCommit(sighting(rehash(full)));
        Verdict feed = decideAndCommit(feedSighting(paper("2411.00001", 1, "arxiv-feed", List.of("cs.LG")),
                AnnounceType.NEW));
        assertThat(feed).isInstanceOf(Verdict.Duplicate.class);
    }

    @Test
    void shouldDropALowerVersionAsStale() {
        decideAndCommit(sighting(paper("2411.00001", 3, "arxiv-oai", List.of("cs.LG"))));
        Verdict old = decideAndCommit(sighting(paper("2411.00001", 2, "file", List.of("cs.LG"))));
        assertThat(old).isEqualTo(new Verdict.Stale("arxiv:2411.00001", 2, 3));
    }

    @Test
    void shouldReadAnInexactVersionBelowTheKnownOneAsTheKnownVersion() {
        decideAndCommit(sighting(paper("2411.00001", 3, "arxiv-oai", List.of("cs.LG"))));
        Paper lowerBound = paper("2411.00001", 1, "arxiv-oai", List.of("cs.LG"));
        Verdict verdict = decideAndCommit(new ParsedPaper(lowerBound, Optional.empty(), "t", List.of(), false));
        assertThat(verdict).isEqualTo(new Verdict.Duplicate("arxiv:2411.00001", 3));
    }

    @Test
    void shouldNeverUpdateFromAMirrorSource() {
        decideAndCommit(sighting(paper("2411.00001", 1, "arxiv-oai", List.of("cs.LG"))));
        Paper hf = paper("2411.00001", 1, "hf-daily", List.of());
        hf.setTitle("A made-up study, as rendered elsewhere");
        Verdict verdict = decideAndCommit(sighting(rehash(hf)));
        assertThat(verdict).isInstanceOf(Verdict.Duplicate.class);
    }

    @Test
    void shouldPublishASightingOnceWhenItAppearsTwiceInOneBatch() {
        DedupBatch batch = new DedupBatch(ledger, rule);
        Paper p = paper("2411.00001", 1, "file", List.of("cs.LG"));
        assertThat(batch.decide(sighting(p))).isInstanceOf(Verdict.Publish.class);
        assertThat(batch.decide(sighting(p))).isInstanceOf(Verdict.Duplicate.class);
    }

    @Test
    void shouldForgetTheDecisionsOfABatchThatWasNotCommitted() {
        Paper p = paper("2411.00001", 1, "file", List.of("cs.LG"));
        new DedupBatch(ledger, rule).decide(sighting(p));
        assertThat(ledger.lookup(p.getKey())).isEmpty();
        assertThat(new DedupBatch(ledger, rule).decide(sighting(p))).isInstanceOf(Verdict.Publish.class);
    }

    @Test
    void shouldRebuildTheSameStateFromPublishedEvents() {
        DedupBatch batch = new DedupBatch(ledger, rule);
        Verdict first = batch.decide(sighting(paper("2411.00001", 1, "arxiv-oai", List.of("cs.LG"))));
        Verdict cross = batch.decide(feedSighting(paper("2411.00001", 1, "arxiv-feed", List.of("stat.ML")),
                AnnounceType.CROSS));
        batch.commit();

        PaperLedger rebuilt = new PaperLedger();
        rebuilt.apply(((Verdict.Publish) first).paper());
        rebuilt.apply(((Verdict.Publish) cross).paper());

        assertThat(rebuilt.lookup("arxiv:2411.00001")).isEqualTo(ledger.lookup("arxiv:2411.00001"));
    }
}
