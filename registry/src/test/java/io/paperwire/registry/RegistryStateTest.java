package io.paperwire.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The id rule, on records applied in log order as every instance applies them. */
class RegistryStateTest {

    private final RegistryState state = new RegistryState();

    private String write(String subject, int version, int id, String schemaText, boolean deleted) {
        ParsedSchema schema = ParsedSchema.parse(schemaText);
        String key = StoreRecords.schemaKey(subject, version, id, schema.fingerprint());
        state.apply(key, StoreRecords.schemaValue(
                new StoreRecords.SchemaValue(subject, version, id, schema.text(), deleted)));
        return key;
    }

    @Test
    void shouldLetTheEarlierRecordWinTheSameSubjectVersion() {
        String winner = write("s", 1, 1, TestSchemas.record("A"), false);
        String loser = write("s", 1, 2, TestSchemas.record("B"), false);

        assertThat(state.registration(winner)).isPresent();
        assertThat(state.registration(loser)).isEmpty();
        assertThat(state.schema(2)).isEmpty();
        assertThat(state.largestIdSeen()).isEqualTo(2);

        state.apply(loser, null);
        assertThat(state.registration(winner)).isPresent();
        assertThat(state.versions("s", false)).extracting(RegistryState.Registration::id).containsExactly(1);
    }

    @Test
    void shouldNeverGiveOneIdToTwoSchemas() {
        write("a", 1, 7, TestSchemas.record("A"), false);
        String loser = write("b", 1, 7, TestSchemas.record("B"), false);

        assertThat(state.registration(loser)).isEmpty();
        assertThat(state.subjects(true)).containsExactly("a");
        assertThat(state.schema(7).orElseThrow().canonical()).contains("io.paperwire.test.A");
    }

    @Test
    void shouldNeverGiveTwoIdsToOneSchema() {
        write("a", 1, 3, TestSchemas.record("A"), false);
        String loser = write("b", 1, 4, TestSchemas.record("A"), false);
        String reuse = write("b", 1, 3, TestSchemas.record("A"), false);

        assertThat(state.registration(loser)).isEmpty();
        assertThat(state.registration(reuse)).isPresent();
        assertThat(state.registrationsOf(3, false)).extracting(RegistryState.Registration::subject)
                .containsExactly("a", "b");
    }

    @Test
    void shouldSoftDeleteInPlaceAndHardDeleteWithATombstone() {
        String key = write("s", 1, 1, TestSchemas.record("A"), false);
        write("s", 1, 1, TestSchemas.record("A"), true);

        assertThat(state.versions("s", false)).isEmpty();
        assertThat(state.versions("s", true)).hasSize(1);
        assertThat(state.schema(1)).isPresent();

        state.apply(key, null);
        assertThat(state.versions("s", true)).isEmpty();
        assertThat(state.schema(1)).isEmpty();
        assertThat(state.largestIdSeen()).isEqualTo(1);
    }

    @Test
    void shouldKeepConfigsAndSkipMalformedRecords() {
        state.apply(StoreRecords.configKey(null), StoreRecords.configValue(CompatibilityLevel.FULL));
        state.apply(StoreRecords.configKey("s"), StoreRecords.configValue(CompatibilityLevel.NONE));
        state.apply("not json", "{}");
        state.apply(StoreRecords.configKey("t"), "{\"compatibilityLevel\":\"SIDEWAYS\"}");
        state.apply("{\"keytype\":\"NOOP\",\"magic\":0}", null);

        assertThat(state.globalCompatibility()).contains(CompatibilityLevel.FULL);
        assertThat(state.subjectCompatibility("s")).contains(CompatibilityLevel.NONE);
        assertThat(state.subjectCompatibility("t")).isEmpty();

        state.apply(StoreRecords.configKey("s"), null);
        assertThat(state.subjectCompatibility("s")).isEmpty();
    }
}
