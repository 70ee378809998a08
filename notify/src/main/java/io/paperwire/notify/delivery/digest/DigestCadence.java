package io.paperwire.notify.delivery.digest;

/** How often a digest comes: every day, or once a week on a chosen day. */
public enum DigestCadence {
    DAILY("daily"),
    WEEKLY("weekly");

    private final String label;

    DigestCadence(String label) {
        this.label = label;
    }

    /** Lower-case name used in period ids ({@code daily:2025-03-30}). */
    public String label() {
        return label;
    }
}
