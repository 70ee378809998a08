package io.paperwire.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import io.paperwire.app.platform.Platform;
import io.paperwire.notify.matching.PaperQueryFilter;
import io.paperwire.notify.matching.QueryValidationException;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.TopicNames;
import io.paperwire.schemas.json.AvroJson;
import io.paperwire.schemas.serde.GenericAvroSerde;
import io.paperwire.schemas.serde.HttpSchemaRegistryClient;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/**
 * {@code paperwire feed}: a streaming feed consumer for any paperwire topic. Starts at a point in time (Kafka's
 * offsets-for-times), decodes each value through the registry and prints one JSON object per line on standard output,
 * so it works as a Unix pipe stage. Ends at {@code --to}, at the end of the topic, or — with {@code --follow} — on
 * Ctrl-C. It joins no consumer group and commits nothing: a feed never disturbs the services.
 */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = {"Print a topic's records from a point in time as JSON lines (one object per line).",
            "Example: paperwire feed --topic papers.enriched --from 2026-11-01T00:00Z --follow | jq .paper.title"})
public final class FeedCommand implements Callable<Integer> {

    @Mixin
    PlatformOptions platformOptions;

    @Option(names = "--topic", defaultValue = "papers.enriched", description = "Topic to read (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--from", paramLabel = "TIME", converter = InstantConverter.class,
            description = "First record time, ISO-8601 (2026-11-01T00:00Z or 2026-11-01); default: the beginning.")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Stop before records at or after this time.")
    Instant to;

    @Option(names = "--follow", description = "Keep waiting for new records until Ctrl-C (or --to).")
    boolean follow;

    @Option(names = "--format", defaultValue = "json", converter = FormatConverter.class,
            description = "json (plain, readable) or avro-json (Avro's JSON encoding, unions typed); default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    Long max;

    @Option(names = "--query", paramLabel = "QUERY",
            description = "Only papers matching QUERY, in the subscription syntax (e.g. 'tags:\"mixture of experts\" "
                    + "AND categories:cs.*'); for papers.enriched.")
    String query;

    private Predicate<GenericRecord> filter = record -> true;

    /** Output formats. */
    enum Format { JSON, AVRO_JSON }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return switch (value) {
                case "json" -> Format.JSON;
                case "avro-json" -> Format.AVRO_JSON;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a format: use json or avro-json");
            };
        }
    }

    @Override
    public Integer call() throws IOException {
        if (to != null && from != null && !to.isAfter(from)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--to must be after --from");
        }
        if (query != null) {
            if (!topic.equals(TopicNames.defaults().enriched())) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--query filters " + TopicNames.defaults().enriched() + ", not " + topic);
            }
            PaperQueryFilter papers;
            try {
                papers = PaperQueryFilter.parse(query);
            } catch (QueryValidationException e) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--query: " + e.getMessage());
            }
            filter = record -> record != null && papers.test(asEnrichedPaper(record));
        }
        PrintStream out = System.out;
        try (Platform platform = Platform.connectOrStart(platformOptions.load().with("topic.create", "false"))) {
            return stream(platform, out);
        }
    }

    private int stream(Platform platform, PrintStream out) throws IOException {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "paperwire-feed-" + UUID.randomUUID());
        var valueSerde = new GenericAvroSerde(new HttpSchemaRegistryClient(java.net.URI.create(platform.schemaRegistryUrl())),
                Map.of("schema.registry.url", platform.schemaRegistryUrl()), false);
        try (KafkaConsumer<String, GenericRecord> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                valueSerde.deserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            seekToStart(consumer, partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<TopicPartition> done = new HashSet<>();

            Thread main = Thread.currentThread();
            AtomicBoolean stopping = new AtomicBoolean();
            Thread hook = new Thread(() -> {
                stopping.set(true);
                consumer.wakeup();
                try {
                    main.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "paperwire-feed-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            long printed = 0;
            try {
                while (!stopping.get()) {
                    if (!follow) {
                        for (TopicPartition tp : partitions) {
                            if (consumer.position(tp) >= ends.get(tp)) {
                                done.add(tp);
                            }
                        }
                        if (done.size() == partitions.size()) {
                            break;
                        }
                    }
                    for (ConsumerRecord<String, GenericRecord> record : consumer.poll(Duration.ofMillis(500))) {
                        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                        if (to != null && record.timestamp() >= to.toEpochMilli()) {
                            done.add(tp);
                            consumer.pause(List.of(tp));
                            continue;
                        }
                        if (!filter.test(record.value())) {
                            continue;
                        }
                        out.println(line(record));
                        printed++;
                        if (max != null && printed >= max) {
                            out.flush();
                            return 0;
                        }
                    }
                    if (to != null && done.size() == partitions.size()) {
                        break;
                    }
                    out.flush();
                    if (out.checkError()) {
                        return 0; // the reader of the pipe went away (e.g. `| head`)
                    }
                }
            } catch (WakeupException e) {
                // Ctrl-C: end cleanly.
            } finally {
                out.flush();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running
                }
            }
            return 0;
        }
    }

    /**
     * The enriched paper a record of papers.enriched holds, resolved from the schema it was written with to this
     * version's (as a deserializer with a reader schema would).
     */
    private static EnrichedPaper asEnrichedPaper(GenericRecord record) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
            return new SpecificDatumReader<EnrichedPaper>(record.getSchema(), EnrichedPaper.getClassSchema())
                    .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read an enriched paper from " + record.getSchema().getFullName(), e);
        }
    }

    private void seekToStart(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
        List<TopicPartition> none = new ArrayList<>();
        offsets.forEach((tp, found) -> {
            if (found == null) {
                none.add(tp);
            } else {
                consumer.seek(tp, found.offset());
            }
        });
        if (!none.isEmpty()) {
            // No record at or after --from in these partitions yet. (An empty list would mean: every partition.)
            consumer.seekToEnd(none);
            none.forEach(consumer::position); // resolve the end now, so records written from here on are read
        }
    }

    private String line(ConsumerRecord<String, GenericRecord> record) throws IOException {
        GenericRecord value = record.value();
        String rendered;
        if (value == null) {
            rendered = "null";
        } else if (format == Format.AVRO_JSON) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(value.getSchema(), bytes);
            new GenericDatumWriter<GenericRecord>(value.getSchema()).write(value, encoder);
            encoder.flush();
            rendered = bytes.toString(StandardCharsets.UTF_8);
        } else {
            rendered = AvroJson.toJson(value).toString();
        }
        return "{\"topic\":\"" + record.topic() + "\",\"partition\":" + record.partition() + ",\"offset\":"
                + record.offset() + ",\"timestamp\":\"" + Instant.ofEpochMilli(record.timestamp()) + "\",\"key\":"
                + (record.key() == null ? "null" : new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(record.key())) + ",\"value\":" + rendered + "}";
    }

    /** ISO-8601 instants, with or without seconds, or a plain date (midnight UTC). */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notADate) {
                    throw new picocli.CommandLine.TypeConversionException("'" + value
                            + "' is not a time: use ISO-8601 such as 2026-11-01T00:00Z or 2026-11-01");
                }
            }
        }
    }
}
