package io.paperwire.notify.delivery.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One digest of a subscriber: the local date it belongs to, the instant it is due, and the window of matches it
 * covers, {@code [windowStart, dueAt)}, where {@code windowStart} is the previous period's due instant.
 *
 * @param cadence     daily or weekly
 * @param localDate   the subscriber's local date of the digest
 * @param dueAt       when it is due
 * @param windowStart start of the matches it covers (inclusive)
 */
public record DigestPeriod(DigestCadence cadence, LocalDate localDate, Instant dueAt, Instant windowStart) {

    public DigestPeriod {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(localDate, "localDate");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(windowStart, "windowStart");
        if (!windowStart.isBefore(dueAt)) {
            throw new IllegalArgumentException("window start " + windowStart + " must be before " + dueAt);
        }
    }

    /** Stable id of the period, part of the ledger key and the Message-ID: {@code daily:2025-03-30}. */
    public String id() {
        return cadence.label() + ":" + localDate;
    }
}
