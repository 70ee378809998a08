package io.paperwire.app.bench;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline Kafka Streams app: every record of the input topic copied to the output topic as bytes, no
 * deserialization, no state. Run with enrich's own Streams settings (exactly-once v2, the same commit interval and
 * threads), it is what enrich would cost if enriching were free: the ratio enrich / pass-through isolates enrich's
 * own work from the broker, the transactions and the client.
 */
final class PassThroughTopology {

    private PassThroughTopology() {
    }

    /** {@code input} → {@code output}, records unchanged. No I/O. */
    static Topology buildTopology(String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-pass-source"))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("bench-pass-sink"));
        return builder.build();
    }
}
