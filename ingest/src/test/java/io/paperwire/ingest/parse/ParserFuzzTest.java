package io.paperwire.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.embedded.SharedData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Arbitrary bytes and mutated fixtures (own ones always, the real recordings when ../shared is present) never make a
 * parser throw: every outcome is a list of results, and a document that yields no paper says why with an error.
 */
class ParserFuzzTest {

    private static final List<PaperParser> PARSERS = List.of(new OaiPmhParser(), new ArxivApiParser(),
            new ArxivFeedParser(), new HfDailyParser(), new SnapshotJsonLinesParser());

    private static final List<String> OWN = List.of("oai-arxivraw-two-pages-page1.xml", "api-two-entries.xml",
            "feed-rss-three-items.xml", "feed-atom-two-entries.xml", "hf-daily-three.json", "snapshot-five-lines.jsonl");

    private static final List<String> REAL = List.of("fixtures/oai-pmh/arxiv_ListRecords_arXiv_2015-01-01_2015-01-03.xml",
            "fixtures/arxiv-api/idlist_1707.08567.xml", "fixtures/arxiv-api/legacy2016_idlist_1111.2011v2.xml",
            "fixtures/rss/rss_test-archive_empty_2024-11-28.xml", "fixtures/arxiv-api/idlist_abc_http400_error.xml");

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        OWN.forEach(name -> seeds.add(OwnFixtures.bytes(name)));
        for (String relative : REAL) {
            SharedData.file("data/" + relative).ifPresent(path -> {
                try {
                    seeds.add(Files.readAllBytes(path));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return seeds;
    }

    private static void assertParsesWithoutThrowing(byte[] bytes) {
        for (PaperParser parser : PARSERS) {
            Page page = parser.parse(new ByteArrayInputStream(bytes), "fuzz");
            assertThat(page).isNotNull();
            for (ParseResult result : page.results()) {
                if (result instanceof ParseResult.ParseError error) {
                    assertThat(error.message()).isNotBlank();
                    assertThat(error.position()).isNotBlank();
                } else if (result instanceof ParseResult.ParsedPaper paper) {
                    assertThat(paper.paper().getKey()).startsWith("arxiv:");
                    assertThat(paper.paper().getTitle()).isNotBlank();
                    assertThat(paper.paper().getAbstractText()).isNotBlank();
                }
            }
        }
    }

    @Property(tries = 300)
    void arbitraryBytesNeverThrow(@ForAll @Size(max = 2000) byte[] bytes) {
        assertParsesWithoutThrowing(bytes);
    }

    @Property(tries = 300)
    void mutatedFixturesNeverThrow(@ForAll("mutatedFixtures") byte[] bytes) {
        assertParsesWithoutThrowing(bytes);
    }

    @Property(tries = 100)
    void truncatedXmlYieldsAnErrorForWhatWasCutOff(@ForAll("truncatedOwnXml") byte[] bytes) {
        Page page = new OaiPmhParser().parse(new ByteArrayInputStream(bytes), "cut.xml");
        assertThat(page.errors()).as("a cut document always reports that it is malformed").isNotEmpty();
    }

    @Provide
    Arbitrary<byte[]> mutatedFixtures() {
        List<byte[]> seeds = seeds();
        Arbitrary<byte[]> seed = Arbitraries.of(seeds);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Byte> value = Arbitraries.bytes();
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        return Combinators.combine(seed, position, value, kind).as((original, at, b, how) -> {
            byte[] bytes = original.clone();
            int i = at % Math.max(1, bytes.length);
            return switch (how) {
                case 0 -> { bytes[i] = b; yield bytes; }
                case 1 -> java.util.Arrays.copyOf(bytes, i);
                case 2 -> {
                    byte[] out = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, out, 0, i);
                    out[i] = b;
                    System.arraycopy(bytes, i, out, i + 1, bytes.length - i);
                    yield out;
                }
                default -> {
                    for (int j = i; j < Math.min(bytes.length, i + 8); j++) {
                        bytes[j] = (byte) (0x80 | (b & 0x3f));
                    }
                    yield bytes;
                }
            };
        });
    }

    @Provide
    Arbitrary<byte[]> truncatedOwnXml() {
        byte[] xml = OwnFixtures.bytes("oai-arxivraw-two-pages-page1.xml");
        return Arbitraries.integers().between(1, xml.length - 20).map(n -> java.util.Arrays.copyOf(xml, n));
    }

    @Property(tries = 50)
    void anInputStreamThatFailsMidwayIsAnError(@ForAll("failingAfter") int failAfter) {
        byte[] bytes = OwnFixtures.bytes("snapshot-five-lines.jsonl");
        for (PaperParser parser : PARSERS) {
            InputStream failing = new InputStream() {
                private int read;

                @Override
                public int read() throws IOException {
                    if (read++ >= failAfter) {
                        throw new IOException("connection reset");
                    }
                    return bytes[read - 1 < bytes.length ? read - 1 : 0];
                }
            };
            Page page = parser.parse(failing, "failing");
            assertThat(page.errors()).extracting(ParseResult.ParseError::message)
                    .anyMatch(m -> m.contains("connection reset"));
        }
    }

    @Provide
    Arbitrary<Integer> failingAfter() {
        return Arbitraries.integers().between(0, 900);
    }
}
