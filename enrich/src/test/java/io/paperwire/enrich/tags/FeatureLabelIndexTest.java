package io.paperwire.enrich.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureLabelIndexTest {

    private static Map<Integer, Float> entriesOf(FeatureLabelIndex index, int feature) {
        Map<Integer, Float> entries = new HashMap<>();
        index.forEach(feature, (label, weight) -> assertThat(entries.put(label, weight))
                .as("one entry per feature and label").isNull());
        return entries;
    }

    /** The same entries read through the chain cursor ({@code firstEntry}, {@code nextEntry}) that scoring uses. */
    private static Map<Integer, Float> entriesByCursor(FeatureLabelIndex index, int feature) {
        Map<Integer, Float> entries = new HashMap<>();
        for (int e = index.firstEntry(feature); e != FeatureLabelIndex.NONE; e = index.nextEntry(e)) {
            assertThat(entries.put(index.label(e), index.weight(e))).as("one entry per feature and label").isNull();
        }
        return entries;
    }

    @Test
    void shouldSumWeightsPerFeatureAndLabel() {
        FeatureLabelIndex index = new FeatureLabelIndex();
        index.add(7, 0, 1.5f);
        index.add(7, 2, 0.5f);
        index.add(7, 0, 1.0f);
        index.add(9, 1, 3.0f);

        assertThat(entriesOf(index, 7)).containsOnly(Map.entry(0, 2.5f), Map.entry(2, 0.5f));
        assertThat(entriesOf(index, 9)).containsOnly(Map.entry(1, 3.0f));
        assertThat(entriesOf(index, 8)).isEmpty();
        assertThat(entriesByCursor(index, 7)).isEqualTo(entriesOf(index, 7));
        assertThat(entriesByCursor(index, 8)).isEmpty();
    }

    @Test
    void shouldAgreeWithPerLabelTablesAfterGrowing() {
        FeatureLabelIndex index = new FeatureLabelIndex();
        FeatureWeights[] perLabel = {new FeatureWeights(), new FeatureWeights(), new FeatureWeights()};
        Random random = new Random(4);
        for (int i = 0; i < 20_000; i++) {
            int feature = random.nextInt(5_000);
            int label = random.nextInt(3);
            float weight = random.nextInt(4) + 1;
            index.add(feature, label, weight);
            perLabel[label].add(feature, weight);
        }
        for (int feature = 0; feature < 5_000; feature++) {
            Map<Integer, Float> entries = entriesOf(index, feature);
            assertThat(entriesByCursor(index, feature)).isEqualTo(entries);
            for (int label = 0; label < 3; label++) {
                assertThat(entries.getOrDefault(label, 0f)).isEqualTo(perLabel[label].get(feature));
            }
        }
        FeatureWeights[] rebuilt = {new FeatureWeights(), new FeatureWeights(), new FeatureWeights()};
        index.forEachEntry((feature, label, weight) -> rebuilt[label].add(feature, weight));
        for (int label = 0; label < 3; label++) {
            assertThat(rebuilt[label].size()).isEqualTo(perLabel[label].size());
            for (int feature = 0; feature < 5_000; feature++) {
                assertThat(rebuilt[label].get(feature)).isEqualTo(perLabel[label].get(feature));
            }
        }
    }
}
