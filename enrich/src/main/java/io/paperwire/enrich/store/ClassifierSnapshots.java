package io.paperwire.enrich.store;

import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.tags.SubjectClassifier;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a {@link SubjectClassifier} into a key-value store and restores it. The state ({@link
 * SubjectClassifier#toBytes()}) grows with the vocabulary (about 1.1 MB after 1000 arXiv papers) and would not
 * fit one changelog record (1 MB by default), so it is cut into chunks of at most {@link #CHUNK_BYTES} under
 * keys {@code chunk-00000}, {@code chunk-00001}, …, with the chunk count under {@link #COUNT_KEY}; chunks left
 * over from a larger earlier snapshot are deleted. Under exactly-once the chunks and the count are written in one
 * transaction, so a restored snapshot is always whole.
 */
public final class ClassifierSnapshots {

    /** Largest chunk written, well under the default 1 MB record limit of the changelog topic. */
    public static final int CHUNK_BYTES = 512 * 1024;
    /** The key of the number of chunks of the current snapshot. */
    public static final String COUNT_KEY = "chunks";

    private static final Logger log = LoggerFactory.getLogger(ClassifierSnapshots.class);

    private final KeyValueStore<String, byte[]> store;

    public ClassifierSnapshots(KeyValueStore<String, byte[]> store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Writes the classifier's current state, replacing the previous snapshot. */
    public void save(SubjectClassifier classifier) {
        byte[] state = classifier.toBytes();
        int previous = chunkCount();
        int chunks = Math.max(1, (state.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        for (int i = 0; i < chunks; i++) {
            int from = i * CHUNK_BYTES;
            store.put(chunkKey(i), Arrays.copyOfRange(state, from, Math.min(state.length, from + CHUNK_BYTES)));
        }
        for (int i = chunks; i < previous; i++) {
            store.delete(chunkKey(i));
        }
        store.put(COUNT_KEY, ByteBuffer.allocate(Integer.BYTES).putInt(chunks).array());
    }

    /**
     * The classifier of the last snapshot, or a new one (the resources' prior, nothing learnt) when there is none.
     * A snapshot written without prior (a v1/v2 build) gets the prior added to what it learnt. A snapshot built on
     * another prior or prior weight cannot be taken apart, so it is discarded with a warning and the classifier
     * starts afresh from the prior; the next snapshot replaces it.
     *
     * @throws IllegalStateException when a chunk is missing or the state is corrupt (the store is then unusable
     *     and must be reset; this is not a data error of one record)
     */
    public SubjectClassifier restore(EnricherResources resources) {
        int chunks = chunkCount();
        if (chunks == 0) {
            return resources.newSubjectClassifier();
        }
        ByteArrayOutputStream state = new ByteArrayOutputStream();
        for (int i = 0; i < chunks; i++) {
            byte[] chunk = store.get(chunkKey(i));
            if (chunk == null) {
                throw new IllegalStateException("classifier snapshot is missing " + chunkKey(i) + " of " + chunks);
            }
            state.writeBytes(chunk);
        }
        try {
            return SubjectClassifier.fromBytes(state.toByteArray(), resources.arxivTaxonomy(),
                    resources.subjectPrior(), resources.subjectPriorWeight());
        } catch (SubjectClassifier.PriorMismatchException e) {
            log.warn("discarding the classifier snapshot ({}); starting afresh from prior {} at weight {}",
                    e.getMessage(), resources.subjectPrior(), resources.subjectPriorWeight());
            return resources.newSubjectClassifier();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("classifier snapshot in the state store is unusable: "
                    + e.getMessage(), e);
        }
    }

    private int chunkCount() {
        byte[] count = store.get(COUNT_KEY);
        return count == null ? 0 : ByteBuffer.wrap(count).getInt();
    }

    static String chunkKey(int index) {
        return String.format(java.util.Locale.ROOT, "chunk-%05d", index);
    }
}
