package io.paperwire.app.bench;

/** Hears how a bench run is going; the CLI prints it to standard error. */
public interface BenchProgress {

    /** A phase starts ({@code index} of {@code total}). */
    void phase(int index, int total, String name);

    /** How the current phase is going, at most about once a second. */
    void update(String line);

    /** Hears nothing. */
    static BenchProgress silent() {
        return new BenchProgress() {
            @Override
            public void phase(int index, int total, String name) {
            }

            @Override
            public void update(String line) {
            }
        };
    }
}
