package io.paperwire.enrich.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.tags.SubjectClassifier;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClassifierSnapshotsTest {

    private static final EnricherResources RESOURCES = EnricherResources.load(Optional.empty());
    private KeyValueStore<String, byte[]> store;

    @BeforeEach
    void openStore() {
        MockProcessorContext<String, String> context = new MockProcessorContext<>();
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("classifier"), Serdes.String(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
    }

    @Test
    void shouldStartFromTheShippedPriorWhenThereIsNoSnapshot() {
        SubjectClassifier restored = new ClassifierSnapshots(store).restore(RESOURCES);

        assertThat(restored.trainedPapers()).isZero();
        assertThat(restored.priorName()).isEqualTo(RESOURCES.subjectPrior().name());
        assertThat(restored.priorWeight()).isEqualTo(SubjectClassifier.DEFAULT_PRIOR_WEIGHT);
        assertThat(restored.predict("Black hole mergers", "Gravitational waves from binary black holes.")
                .bestArchive()).isPresent();
    }

    @Test
    void shouldAddThePriorToASnapshotOfAnOlderBuildWithoutOne() throws IOException {
        // A format-1 state (cnb-hier-h20-v1/v2) of a classifier that learnt nothing: magic, format, hash bits,
        // papers, no features, no archive labels, no category labels.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF("paperwire-subject-classifier");
            out.writeInt(1);
            out.writeInt(20);
            out.writeLong(0);
            out.writeInt(0);
            out.writeInt(0);
            out.writeInt(0);
        }
        store.put("chunk-00000", bytes.toByteArray());
        store.put(ClassifierSnapshots.COUNT_KEY, ByteBuffer.allocate(Integer.BYTES).putInt(1).array());

        SubjectClassifier restored = new ClassifierSnapshots(store).restore(RESOURCES);

        assertThat(restored.priorName()).isEqualTo(RESOURCES.subjectPrior().name());
        assertThat(restored.version()).isEqualTo(SubjectClassifier.VERSION);
        assertThat(restored.predict("Black hole mergers", "Gravitational waves from binary black holes.")
                .archives()).isNotEmpty();
    }

    @Test
    void shouldKeepWhatItLearntAcrossASnapshotAndDiscardASnapshotOfAnotherPriorWeight() {
        SubjectClassifier classifier = RESOURCES.newSubjectClassifier();
        classifier.train("Routing in networks", "A routing algorithm for wireless networks.", List.of("cs.NI"));
        ClassifierSnapshots snapshots = new ClassifierSnapshots(store);
        snapshots.save(classifier);

        SubjectClassifier sameBuild = snapshots.restore(RESOURCES);
        SubjectClassifier otherWeight = snapshots.restore(EnricherResources.of(RESOURCES.arxivTaxonomy(),
                RESOURCES.topicTaxonomy(), RESOURCES.background(), RESOURCES.subjectPrior(), 2.0));

        assertThat(sameBuild.trainedPapers()).isEqualTo(1);
        assertThat(otherWeight.trainedPapers()).isZero();
        assertThat(otherWeight.priorWeight()).isEqualTo(2.0);
    }
}
