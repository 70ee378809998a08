package io.paperwire.notify.delivery.runtime;

import io.paperwire.notify.delivery.DeliveryLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What {@code paperwire deliveries --failed} prints: the deliveries of a {@link DeliveryLedger} that did not (yet)
 * go through. {@link Status#DEAD}: given up, with the last reason; {@link Status#RETRYING}: pending after at least one
 * failed attempt; {@link Status#PENDING}: an intent without an attempt outcome (in flight, or waiting for a restart
 * to resume it). Sent deliveries are never listed.
 */
public final class DeliveryReport {

    /** How a listed delivery stands. */
    public enum Status { DEAD, RETRYING, PENDING }

    /**
     * One listed delivery.
     *
     * @param key            the ledger key ({@code alert/<channel>/<alertId>}, {@code digest/<sub>/<period>})
     * @param channel        the channel part of the key ({@code email}, {@code webhook}), or {@code digest}
     * @param status         how it stands
     * @param attempts       failed attempts so far
     * @param reason         the last failure reason; null when no attempt failed yet
     * @param idempotencyKey the id the receiver sees
     * @param updatedAt      last change
     */
    public record Row(String key, String channel, Status status, int attempts, String reason, String idempotencyKey,
                      Instant updatedAt) {
    }

    private final List<Row> rows;

    private DeliveryReport(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Dead deliveries and pending ones that failed at least once: the {@code --failed} listing. */
    public static DeliveryReport failed(DeliveryLedger ledger) {
        return of(ledger, false);
    }

    /** Every delivery without a good outcome, including pending ones not attempted yet. */
    public static DeliveryReport unfinished(DeliveryLedger ledger) {
        return of(ledger, true);
    }

    private static DeliveryReport of(DeliveryLedger ledger, boolean withUntried) {
        Objects.requireNonNull(ledger, "ledger");
        List<Row> rows = new ArrayList<>();
        for (DeliveryLedger.Entry e : ledger.dead()) {
            rows.add(row(e, Status.DEAD));
        }
        for (DeliveryLedger.Entry e : ledger.pending()) {
            if (e.attempts() > 0) {
                rows.add(row(e, Status.RETRYING));
            } else if (withUntried) {
                rows.add(row(e, Status.PENDING));
            }
        }
        rows.sort(Comparator.comparing(Row::status).thenComparing(Row::updatedAt).thenComparing(Row::key));
        return new DeliveryReport(rows);
    }

    private static Row row(DeliveryLedger.Entry e, Status status) {
        String[] parts = e.key().value().split("/", 3);
        String channel = parts[0].equals("alert") && parts.length == 3 ? parts[1] : parts[0];
        return new Row(e.key().value(), channel, status, e.attempts(), e.lastDetail(), e.idempotencyKey(),
                e.updatedAt());
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rows as text, one delivery per line: status, attempts, channel, key, time, reason. */
    public String format() {
        if (rows.isEmpty()) {
            return "no failed deliveries\n";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-8s %8s  %-8s %-24s %s%n", "STATUS", "ATTEMPTS", "CHANNEL", "UPDATED", "KEY / REASON"));
        for (Row r : rows) {
            out.append(String.format("%-8s %8d  %-8s %-24s %s%n", r.status(), r.attempts(), r.channel(),
                    r.updatedAt(), r.key()));
            if (r.reason() != null) {
                out.append(String.format("%53s%s%n", "", r.reason().replace('\n', ' ')));
            }
        }
        return out.toString();
    }
}
