package io.paperwire.ingest.publish;

import io.paperwire.schemas.json.AvroJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Objects;
import org.apache.avro.generic.IndexedRecord;

/**
 * The {@code --dry-run} sink: prints every event of a batch as one JSON line, {@code {"topic":…,"key":…,"value":{…}}}
 * (values rendered by {@link AvroJson}), with no broker. Checkpoints are not printed; papers, signals and dead letters
 * are, in that order.
 */
public final class DryRunSink implements BatchSink {

    private final PrintStream out;
    private final IngestTopicNames names;
    private final ObjectMapper json = new ObjectMapper();

    /** Topic names printed with each line. */
    public record IngestTopicNames(String published, String signals, String deadLetters) {
        public static IngestTopicNames defaults() {
            return new IngestTopicNames("papers.published", "papers.signals", "deadletters");
        }
    }

    public DryRunSink(PrintStream out, IngestTopicNames names) {
        this.out = Objects.requireNonNull(out, "out");
        this.names = Objects.requireNonNull(names, "names");
    }

    @Override
    public void write(OutgoingBatch batch) {
        String sourceId = batch.checkpoint().getSourceId();
        batch.papers().forEach(p -> print(names.published(), p.getKey(), p));
        batch.signals().forEach(s -> print(names.signals(), s.getPaperKey(), s));
        batch.deadLetters().forEach(d -> print(names.deadLetters(), sourceId, d));
        out.flush();
    }

    private void print(String topic, String key, IndexedRecord value) {
        ObjectNode line = json.createObjectNode();
        line.put("topic", topic);
        line.put("key", key);
        line.set("value", AvroJson.toJson(value));
        out.println(line.toString());
    }
}
