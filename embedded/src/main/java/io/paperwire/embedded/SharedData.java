package io.paperwire.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's shared, read-only data folder ({@code ../shared} next to the project root), which holds real
 * public data (arXiv metadata, recorded source responses, the Inspec keyphrase benchmark). The data is never copied
 * into the project; tests that need it skip with {@link #skipReason(String)} where it is absent.
 *
 * <p>Looked up, in order: the system property {@code paperwire.shared.dir} (set by the build), the environment
 * variable {@code PAPERWIRE_SHARED_DIR}, then {@code ../shared} and {@code ../../shared} from the working directory.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder, when it exists. */
    public static Optional<Path> dir() {
        String property = System.getProperty("paperwire.shared.dir");
        if (property != null && Files.isDirectory(Path.of(property))) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        String env = System.getenv("PAPERWIRE_SHARED_DIR");
        if (env != null && Files.isDirectory(Path.of(env))) {
            return Optional.of(Path.of(env).toAbsolutePath().normalize());
        }
        for (String candidate : new String[] {"../shared", "../../shared"}) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path.resolve("data"))) {
                return Optional.of(path.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /**
     * A file below the shared folder, e.g. {@code file("data/keyphrase/inspec/inspec.jsonl")}, when both the folder
     * and the file exist.
     */
    public static Optional<Path> file(String relativePath) {
        return dir().map(d -> d.resolve(relativePath)).filter(Files::exists);
    }

    /** The sentence a test prints when it skips because the file is absent. */
    public static String skipReason(String relativePath) {
        return "skipped: ../shared/" + relativePath + " is not present (the shared data folder lies next to the "
                + "project root on development machines and in CI; set -Dpaperwire.shared.dir to point elsewhere)";
    }
}
