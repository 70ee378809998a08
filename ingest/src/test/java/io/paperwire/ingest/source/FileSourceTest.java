package io.paperwire.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.paperwire.ingest.parse.ParseResult;
import io.paperwire.ingest.parse.ParserSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {

    @TempDir
    Path dir;

    private static FileSource source(List<Path> paths, boolean watch, int linesPerBatch) {
        return new FileSource(new FileSource.Settings(paths, watch, Duration.ofMillis(100), linesPerBatch,
                ParserSettings.defaults()));
    }

    @Test
    void shouldReadJsonLinesInBatchesAndResumeAtTheByteOffset() throws Exception {
        Path file = dir.resolve("snapshot.jsonl");
        Files.copy(WebSourcesTest.own("snapshot-five-lines.jsonl"), file);
        FileSource source = source(List.of(file), false, 2);

        List<ParseResult> all = new ArrayList<>();
        Map<String, String> checkpoint = Map.of();
        List<String> offsets = new ArrayList<>();
        SourceBatch batch;
        do {
            batch = source.poll(checkpoint);
            all.addAll(batch.results());
            checkpoint = batch.nextCheckpoint();
            offsets.add(checkpoint.getOrDefault(file.toString(), "0"));
        } while (!batch.caughtUp());

        assertThat(all).hasSize(FileSourceTest.nonBlankLines(file));
        assertThat(checkpoint).containsEntry(file.toString(), Long.toString(Files.size(file)));
        assertThat(offsets.stream().map(Long::parseLong).toList()).isSorted();

        Map<String, String> afterTwoLines = source.poll(Map.of()).nextCheckpoint();
        List<ParseResult> rest = new ArrayList<>();
        checkpoint = afterTwoLines;
        do {
            batch = source.poll(checkpoint);
            rest.addAll(batch.results());
            checkpoint = batch.nextCheckpoint();
        } while (!batch.caughtUp());
        assertThat(rest).hasSize(all.size() - 2);
        assertThat(rest.get(0).position()).isEqualTo(all.get(2).position());
    }

    private static int nonBlankLines(Path file) throws Exception {
        return (int) Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count();
    }

    @Test
    void shouldDeadLetterAFileOfUnknownFormatAndGoOn() throws Exception {
        Files.writeString(dir.resolve("a-notes.txt"), "just some words, not a paper\n");
        Files.copy(WebSourcesTest.own("api-two-entries.xml"), dir.resolve("b-api.xml"));
        FileSource source = source(List.of(dir), false, 100);

        List<ParseResult> all = new ArrayList<>();
        Map<String, String> checkpoint = Map.of();
        SourceBatch batch;
        do {
            batch = source.poll(checkpoint);
            all.addAll(batch.results());
            checkpoint = batch.nextCheckpoint();
        } while (!batch.caughtUp());

        assertThat(all).hasSize(3);
        assertThat(all.get(0)).isInstanceOfSatisfying(ParseResult.ParseError.class,
                e -> assertThat(e.message()).contains("unknown format"));
        assertThat(all.get(1)).isInstanceOf(ParseResult.ParsedPaper.class);
        assertThat(all.get(1).position()).startsWith("entry 1");
    }

    @Test
    void shouldPickUpNewFilesAndOnlyCompleteLinesWhenWatching() throws Exception {
        List<String> lines = Files.readAllLines(WebSourcesTest.own("snapshot-five-lines.jsonl"));
        try (FileSource source = source(List.of(dir), true, 100)) {
            SourceBatch idle = source.poll(Map.of());
            assertThat(idle.results()).isEmpty();
            assertThat(idle.caughtUp()).isFalse();

            Path growing = dir.resolve("growing.jsonl");
            Files.writeString(growing, lines.get(0) + "\n" + lines.get(1).substring(0, 10));
            SourceBatch first = source.poll(idle.nextCheckpoint());
            assertThat(first.results()).hasSize(1);
            assertThat(first.caughtUp()).isFalse();

            Files.writeString(growing, lines.get(0) + "\n" + lines.get(1) + "\n");
            Map<String, String> checkpoint = new HashMap<>(first.nextCheckpoint());
            SourceBatch second = source.poll(checkpoint);
            assertThat(second.results()).hasSize(1);
            assertThat(second.results().get(0).position()).contains("line 2");
        }
    }
}
