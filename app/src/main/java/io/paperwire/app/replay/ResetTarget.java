package io.paperwire.app.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.TopicPartition;

/** Where a replay moves an app's input offsets to. */
public sealed interface ResetTarget permits ResetTarget.Earliest, ResetTarget.FromTime, ResetTarget.Offsets {

    /** The earliest offset still in each input partition. */
    record Earliest() implements ResetTarget {
        @Override
        public String describe() {
            return "the earliest offsets";
        }
    }

    /** The first record whose timestamp is at or after {@code time}; the end of a partition that has none. */
    record FromTime(Instant time) implements ResetTarget {
        public FromTime {
            Objects.requireNonNull(time, "time");
        }

        @Override
        public String describe() {
            return "the first records at or after " + time;
        }
    }

    /**
     * Exact offsets, per partition; partitions of the input topics that are not listed keep their committed offset.
     */
    record Offsets(Map<TopicPartition, Long> offsets) implements ResetTarget {
        public Offsets {
            offsets = Map.copyOf(offsets);
        }

        @Override
        public String describe() {
            return "the offsets given for " + offsets.size() + " partition(s)";
        }

        /**
         * Reads {@code topic,partition,offset} lines (the format of Kafka's {@code kafka-consumer-groups
         * --reset-offsets --from-file}); blank lines and lines starting with {@code #} are skipped.
         *
         * @throws IllegalArgumentException naming the file and line of a malformed entry
         */
        public static Offsets fromFile(Path file) throws IOException {
            Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",");
                String where = file + " line " + (i + 1) + ": ";
                if (parts.length != 3) {
                    throw new IllegalArgumentException(where + "expected topic,partition,offset but was '" + line + "'");
                }
                try {
                    int partition = Integer.parseInt(parts[1].strip());
                    long offset = Long.parseLong(parts[2].strip());
                    if (partition < 0 || offset < 0) {
                        throw new IllegalArgumentException(where + "partition and offset must not be negative");
                    }
                    offsets.put(new TopicPartition(parts[0].strip(), partition), offset);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "partition and offset must be numbers, was '" + line + "'");
                }
            }
            if (offsets.isEmpty()) {
                throw new IllegalArgumentException(file + ": no offsets in the file");
            }
            return new Offsets(offsets);
        }
    }

    /** For messages: "the earliest offsets", "the first records at or after …". */
    String describe();
}
