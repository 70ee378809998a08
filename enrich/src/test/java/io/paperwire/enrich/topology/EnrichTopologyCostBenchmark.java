package io.paperwire.enrich.topology;

import io.paperwire.enrich.EnrichConfig;
import io.paperwire.enrich.EnricherResources;
import io.paperwire.enrich.InMemoryRegistry;
import io.paperwire.enrich.TestPapers;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.PaperwireTopics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * CPU time per paper of the whole enrich topology (Avro serdes, state stores on RocksDB, {@code PaperEnricher},
 * the trending join) in a {@link TopologyTestDriver}, one thread, no broker: what a stream thread spends on a paper
 * apart from the clients. Each round sends the papers of the shared arXiv sample under fresh keys, so every one is
 * counted and learnt from. Prints figures, asserts nothing; run by hand like
 * {@link io.paperwire.enrich.EnrichCostBenchmark}, with the sample file and the number of rounds as arguments.
 */
public final class EnrichTopologyCostBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EnrichTopologyCostBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<Paper> papers = TestPapers.fromSnapshot(Path.of(args[0]), Integer.MAX_VALUE);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        EnricherResources resources = EnricherResources.load(Optional.empty());
        PaperwireTopics topics = new PaperwireTopics(new InMemoryRegistry());
        Path stateDir = Files.createTempDirectory("enrich-cost");
        EnrichConfig config = EnrichConfig.defaults().withInstance("enrich-cost", stateDir);
        Instant start = Instant.parse("2024-11-28T12:00:00Z");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                EnrichTopology.buildTopology(config, topics, () -> resources),
                EnrichTopology.streamsProperties(config, topics, Clock.systemUTC()), start)) {
            TestInputTopic<String, Paper> published = driver.createInputTopic(topics.published().name(),
                    topics.published().keySerde().serializer(), topics.published().valueSerde().serializer());
            TestOutputTopic<String, EnrichedPaper> enriched = driver.createOutputTopic(topics.enriched().name(),
                    topics.enriched().keySerde().deserializer(), topics.enriched().valueSerde().deserializer());
            double best = Double.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                long before = THREADS.getCurrentThreadCpuTime();
                for (Paper paper : papers) {
                    String key = paper.getKey() + "#" + round;
                    published.pipeInput(key, Paper.newBuilder(paper).setKey(key).build(), start);
                }
                double micros = (THREADS.getCurrentThreadCpuTime() - before) / 1000.0 / papers.size();
                best = Math.min(best, micros);
                System.out.printf("round %d: %.1f µs/paper through the topology (%d enriched so far)%n", round,
                        micros, enriched.getQueueSize());
                enriched.readValuesToList();
            }
            System.out.printf("best of %d rounds: %.1f µs/paper%n", rounds, best);
        }
    }
}
