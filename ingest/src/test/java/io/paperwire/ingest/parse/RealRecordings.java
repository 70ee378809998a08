package io.paperwire.ingest.parse;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paperwire.embedded.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the real recordings in {@code ../shared/data}, skipping the calling test with a clear reason when absent. */
final class RealRecordings {

    private RealRecordings() {
    }

    static Path path(String relative) {
        String full = "data/" + relative;
        Optional<Path> path = SharedData.file(full);
        assumeTrue(path.isPresent(), SharedData.skipReason(full));
        return path.get();
    }

    static Page parse(PaperParser parser, String relative) {
        Path path = path(relative);
        try (InputStream in = Files.newInputStream(path)) {
            return parser.parse(in, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
