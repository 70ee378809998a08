package io.paperwire.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.paperwire.registry.CompatibilityLevel.PreviousVersion;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

    private static final Schema BASE = new Schema.Parser().parse(TestSchemas.record("R"));
    private static final Schema REQUIRED_EXTRA = new Schema.Parser().parse(TestSchemas.recordWithExtra("R", false));
    private static final Schema OPTIONAL_EXTRA = new Schema.Parser().parse(TestSchemas.recordWithExtra("R", true));

    private static List<PreviousVersion> history(Schema... schemas) {
        return java.util.stream.IntStream.range(0, schemas.length)
                .mapToObj(i -> new PreviousVersion(i + 1, schemas[i])).toList();
    }

    @Test
    void shouldApplyAvrosRulesInEachDirection() {
        assertThat(CompatibilityLevel.BACKWARD.incompatibilities(REQUIRED_EXTRA, history(BASE))).isNotEmpty();
        assertThat(CompatibilityLevel.BACKWARD.incompatibilities(OPTIONAL_EXTRA, history(BASE))).isEmpty();
        // The old schema ignores the new field: forward compatible even without a default.
        assertThat(CompatibilityLevel.FORWARD.incompatibilities(REQUIRED_EXTRA, history(BASE))).isEmpty();
        // Dropping a field without default breaks forward: the old reader needs it.
        assertThat(CompatibilityLevel.FORWARD.incompatibilities(BASE, history(REQUIRED_EXTRA))).isNotEmpty();
        assertThat(CompatibilityLevel.FULL.incompatibilities(REQUIRED_EXTRA, history(BASE))).isNotEmpty();
        assertThat(CompatibilityLevel.FULL.incompatibilities(OPTIONAL_EXTRA, history(BASE))).isEmpty();
        assertThat(CompatibilityLevel.NONE.incompatibilities(REQUIRED_EXTRA, history(BASE))).isEmpty();
    }

    @Test
    void shouldCheckOnlyTheLatestUnlessTransitive() {
        // v1 has a required field, v2 dropped it; going back to BASE is fine against v2 only.
        List<PreviousVersion> history = history(REQUIRED_EXTRA, BASE);

        assertThat(CompatibilityLevel.FORWARD.incompatibilities(BASE, history)).isEmpty();
        assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.incompatibilities(BASE, history))
                .singleElement().asString().contains("oldSchemaVersion:1");
    }

    @Test
    void shouldParseLevelNamesCaseInsensitively() {
        assertThat(CompatibilityLevel.parse("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
        assertThat(CompatibilityLevel.parse(null)).isEmpty();
    }
}
