package io.paperwire.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.schemas.IngestCheckpoint;
import io.paperwire.schemas.TrendingScore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The round-trip comparison itself: it must see real differences, or the round-trip properties prove nothing. */
class AvroEquivalenceTest {

  private static TrendingScore score(double value) {
    return TrendingScore.newBuilder().setPaperKey("arxiv:1").setScore(value).setWindow("P1D")
        .setUpdatedAt(Instant.EPOCH).build();
  }

  @Test
  void nanEqualsNanButNotANumber() {
    assertThat(AvroEquivalence.difference(TrendingScore.getClassSchema(), score(Double.NaN), score(Double.NaN)))
        .isEmpty();
    assertThat(AvroEquivalence.difference(TrendingScore.getClassSchema(), score(Double.NaN), score(1.0)))
        .hasValueSatisfying(d -> assertThat(d).startsWith("TrendingScore.score"));
    assertThat(AvroEquivalence.difference(TrendingScore.getClassSchema(), score(0.0), score(-0.0))).isPresent();
  }

  @Test
  void mapsCompareByKeyNotOrder() {
    IngestCheckpoint a = IngestCheckpoint.newBuilder().setSourceId("s").setUpdatedAt(Instant.EPOCH)
        .setPosition(new java.util.LinkedHashMap<>(Map.of("a", "1"))).build();
    a.getPosition().put("b", "2");
    IngestCheckpoint b = IngestCheckpoint.newBuilder(a).setPosition(new java.util.LinkedHashMap<>()).build();
    b.getPosition().put("b", "2");
    b.getPosition().put("a", "1");
    IngestCheckpoint c = IngestCheckpoint.newBuilder(a).setPosition(Map.of("a", "1", "b", "3")).build();

    assertThat(AvroEquivalence.difference(IngestCheckpoint.getClassSchema(), a, b)).isEmpty();
    assertThat(AvroEquivalence.difference(IngestCheckpoint.getClassSchema(), a, c))
        .hasValue("IngestCheckpoint.position{b}: expected <2> but was <3>");
  }
}
