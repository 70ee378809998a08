package io.paperwire.ingest.dedup;

import io.paperwire.ingest.parse.Normalizer;
import io.paperwire.ingest.parse.ParseResult.ParsedPaper;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperEventKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a sighting of a paper is, given what was published before under its key (see docs/ingest.md):
 * <ul>
 *   <li>unknown key: {@code NEW_PAPER};</li>
 *   <li>higher version than known: {@code NEW_VERSION} (categories the source omits are taken from the known
 *       version);</li>
 *   <li>lower exact version: stale, dropped. A version that is only a lower bound ({@code versionExact == false},
 *       e.g. the OAI {@code arXiv} prefix, Hugging Face) at or below the known one counts as a sighting of the known
 *       version;</li>
 *   <li>same version: a duplicate when the content hash is equal, when the source only mirrors arXiv metadata
 *       (Hugging Face), or when every field the sighting carries equals the known one and its categories are already
 *       known; otherwise {@code METADATA_UPDATE} with categories merged into the known ones (a cross-list adds
 *       categories, nothing is duplicated) and the content hash recomputed.</li>
 * </ul>
 * The rule is pure: it neither reads nor changes the ledger.
 */
public final class IdentityRule {

    /** Sources that copy arXiv's metadata and never correct it: their sightings of a known version are duplicates. */
    public static final Set<String> DEFAULT_MIRROR_SOURCES = Set.of("hf-daily");

    private final Set<String> mirrorSources;

    public IdentityRule(Set<String> mirrorSources) {
        this.mirrorSources = Set.copyOf(mirrorSources);
    }

    public static IdentityRule defaults() {
        return new IdentityRule(DEFAULT_MIRROR_SOURCES);
    }

    /** The verdict for {@code sighting} when {@code known} is what was published last under its key. */
    public Verdict decide(ParsedPaper sighting, Optional<KnownPaper> known) {
        Paper paper = sighting.paper();
        if (known.isEmpty()) {
            return new Verdict.Publish(withKind(paper, PaperEventKind.NEW_PAPER));
        }
        KnownPaper k = known.get();
        int version = paper.getVersion();
        if (!sighting.versionExact() && version < k.version()) {
            version = k.version();
        }
        if (version > k.version()) {
            Paper next = copy(paper);
            next.setKind(PaperEventKind.NEW_VERSION);
            if (next.getCategories().isEmpty() && !k.categories().isEmpty()) {
                setCategories(next, k.categories());
            }
            return new Verdict.Publish(next);
        }
        if (version < k.version()) {
            return new Verdict.Stale(paper.getKey(), version, k.version());
        }
        if (paper.getContentHash() != null && paper.getContentHash().equals(k.contentHash())) {
            return new Verdict.Duplicate(paper.getKey(), version);
        }
        if (mirrorSources.contains(paper.getSource())) {
            return new Verdict.Duplicate(paper.getKey(), version);
        }
        KnownPaper s = KnownPaper.of(paper);
        List<String> merged = KnownPaper.union(k.categories(), paper.getCategories());
        boolean changed = KnownPaper.changes(s.titleHash(), k.titleHash())
                || KnownPaper.changes(s.abstractHash(), k.abstractHash())
                || KnownPaper.changes(s.authorsHash(), k.authorsHash())
                || KnownPaper.changes(s.doiHash(), k.doiHash())
                || KnownPaper.changes(s.journalRefHash(), k.journalRefHash())
                || KnownPaper.changes(s.commentsHash(), k.commentsHash())
                || KnownPaper.changes(s.licenseHash(), k.licenseHash())
                || !merged.equals(k.categories());
        if (!changed) {
            return new Verdict.Duplicate(paper.getKey(), version);
        }
        Paper update = copy(paper);
        update.setKind(PaperEventKind.METADATA_UPDATE);
        update.setVersion(version);
        setCategories(update, merged);
        update.setContentHash(Normalizer.contentHash(update));
        return new Verdict.Publish(update);
    }

    private static Paper withKind(Paper paper, PaperEventKind kind) {
        Paper copy = copy(paper);
        copy.setKind(kind);
        if (copy.getContentHash() == null) {
            copy.setContentHash(Normalizer.contentHash(copy));
        }
        return copy;
    }

    private static void setCategories(Paper paper, List<String> categories) {
        paper.setCategories(categories);
        paper.setPrimaryCategory(categories.isEmpty() ? null : categories.get(0));
    }

    /**
     * A copy whose own fields can be set without touching the sighting. Shallow: the authors, categories and links
     * are shared, never changed here (categories are replaced, not edited); a deep builder copy cost more than the
     * rest of the rule.
     */
    private static Paper copy(Paper paper) {
        Paper copy = new Paper();
        for (int field = 0; field < Paper.getClassSchema().getFields().size(); field++) {
            copy.put(field, paper.get(field));
        }
        return copy;
    }
}
