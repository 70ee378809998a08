package io.paperwire.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The project's own hand-written fixtures in src/test/resources/fixtures. */
final class OwnFixtures {

    private OwnFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = OwnFixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("fixture missing: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Page parse(PaperParser parser, String name) {
        return parser.parse(new java.io.ByteArrayInputStream(bytes(name)), "fixtures/" + name);
    }
}
