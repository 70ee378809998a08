package io.paperwire.enrich.tags;

import java.util.Objects;

/**
 * One arXiv category code as listed in the shipped taxonomy.
 *
 * @param code          the code as it appears in metadata, e.g. {@code cs.LG}, {@code hep-th}, {@code alg-geom}
 * @param name          human-readable name, e.g. {@code Machine Learning}
 * @param archive       the archive it is filed under, e.g. {@code cs}, {@code hep-th}; a legacy code is filed under
 *                      the archive it was merged into ({@code alg-geom} → {@code math})
 * @param archiveName   the archive's name, e.g. {@code High Energy Physics - Theory}
 * @param group         the group code, e.g. {@code physics} for {@code hep-th}
 * @param groupName     the group's name, e.g. {@code Physics}
 * @param status        whether the code is in use, a second name, or retired
 * @param canonicalCode the code arXiv uses today for the same subject (equals {@code code} for active ones)
 */
public record ArxivCategory(String code, String name, String archive, String archiveName, String group,
                            String groupName, Status status, String canonicalCode) {

    /** Whether a code is in use today, a second name of another code, or a retired code. */
    public enum Status { ACTIVE, ALIAS, LEGACY }

    public ArxivCategory {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(archiveName, "archiveName");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(canonicalCode, "canonicalCode");
    }
}
