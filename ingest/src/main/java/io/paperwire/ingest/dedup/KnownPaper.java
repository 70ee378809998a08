package io.paperwire.ingest.dedup;

import io.paperwire.schemas.Author;
import io.paperwire.schemas.Paper;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the ledger remembers of the latest published version of one paper: its version, content hash, categories, and
 * a 64-bit fingerprint of each metadata field (0 when the field was absent), which is enough to tell whether a later
 * sighting changes anything without keeping the text in memory.
 *
 * @param version the latest published version
 * @param contentHash {@code Paper.contentHash} of the latest event, may be null
 * @param categories the known categories, primary first
 */
public record KnownPaper(int version, String contentHash, long titleHash, long abstractHash, long authorsHash,
        long doiHash, long journalRefHash, long commentsHash, long licenseHash, List<String> categories) {

    /** Marks a field the source did not give. */
    static final long ABSENT = 0L;

    public KnownPaper {
        categories = List.copyOf(categories);
    }

    /** The fingerprint of a published (or about to be published) event. */
    public static KnownPaper of(Paper paper) {
        return new KnownPaper(paper.getVersion(), paper.getContentHash(), hash(paper.getTitle()),
                hash(paper.getAbstractText()), authorsHash(paper.getAuthors()), hash(paper.getDoi()),
                hash(paper.getJournalRef()), hash(paper.getComments()), hash(paper.getLicense()),
                paper.getCategories());
    }

    /**
     * This fingerprint after a {@code METADATA_UPDATE} of the same version: fields the update carries replace the
     * known ones, absent fields keep theirs, categories are the union.
     */
    public KnownPaper mergedWith(Paper update) {
        KnownPaper other = of(update);
        return new KnownPaper(version, update.getContentHash(), pick(other.titleHash, titleHash),
                pick(other.abstractHash, abstractHash), pick(other.authorsHash, authorsHash),
                pick(other.doiHash, doiHash), pick(other.journalRefHash, journalRefHash),
                pick(other.commentsHash, commentsHash), pick(other.licenseHash, licenseHash),
                union(categories, update.getCategories()));
    }

    /** The known categories followed by those of {@code more} not yet in them. */
    static List<String> union(List<String> known, List<String> more) {
        LinkedHashSet<String> merged = new LinkedHashSet<>(known);
        merged.addAll(more);
        return List.copyOf(merged);
    }

    private static long pick(long fresh, long old) {
        return fresh == ABSENT ? old : fresh;
    }

    static long authorsHash(List<Author> authors) {
        if (authors == null || authors.isEmpty()) {
            return ABSENT;
        }
        StringBuilder names = new StringBuilder();
        for (Author author : authors) {
            names.append(author.getName()).append('\u001f');
        }
        return hash(names.toString());
    }

    /** FNV-1a over the UTF-16 chars; a blank or null value is {@link #ABSENT}. */
    static long hash(CharSequence value) {
        if (value == null || value.toString().isBlank()) {
            return ABSENT;
        }
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == ABSENT ? 1L : h;
    }

    /** True when {@code sightingField} is given and differs from {@code knownField}. */
    static boolean changes(long sightingField, long knownField) {
        return sightingField != ABSENT && sightingField != knownField;
    }
}
