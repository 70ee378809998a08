package io.paperwire.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.paperwire.app.config.PaperwireConfig;
import io.paperwire.app.config.Settings;
import io.paperwire.app.observability.Observability;
import io.paperwire.app.platform.Platform;
import io.paperwire.ingest.IngestListener;
import io.paperwire.ingest.IngestOptions;
import io.paperwire.ingest.IngestRuntime;
import io.paperwire.ingest.IngestSources;
import io.paperwire.ingest.IngestSummary;
import io.paperwire.ingest.generator.GeneratedFormats;
import io.paperwire.ingest.generator.GeneratedPaper;
import io.paperwire.ingest.generator.PaperGenerator;
import io.paperwire.ingest.http.HttpSettings;
import io.paperwire.ingest.http.PoliteHttpClient;
import io.paperwire.ingest.parse.ParserSettings;
import io.paperwire.ingest.publish.IngestTopics;
import io.paperwire.ingest.source.ArxivFeedSource;
import io.paperwire.ingest.source.FileSource;
import io.paperwire.ingest.source.PaperSource;
import io.paperwire.app.services.EnrichRunner;
import io.paperwire.enrich.EnrichService;
import io.paperwire.app.services.DeliveryRunner;
import io.paperwire.app.services.NotifyRunner;
import io.paperwire.notify.NotifyService;
import io.paperwire.notify.delivery.email.UnsubscribeTokens;
import io.paperwire.schemas.Alert;
import io.paperwire.schemas.EnrichedPaper;
import io.paperwire.schemas.Subscription;
import io.paperwire.schemas.Keyword;
import io.paperwire.schemas.Paper;
import io.paperwire.schemas.TagKind;
import io.paperwire.schemas.TrendingScore;
import io.paperwire.schemas.PaperwireTopics;
import io.paperwire.schemas.Topic;
import io.paperwire.app.platform.TopicSnapshot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paperwire demo}: the main job, offline, on the embedded default. Starts the platform, writes a sample of
 * clearly labelled synthetic papers (the project's own deterministic generator) in the arXiv snapshot and Hugging Face
 * formats, ingests them through the same parsers and exactly-once publisher as real sources, reads
 * {@code papers.published} back through the registry and shows what arrived. A second run publishes nothing new: every
 * sighting is recognised as a duplicate. {@code --once} exits after the summary; otherwise it keeps serving.
 * {@code --seed} runs none of the services: for a cluster whose enrich and notify run elsewhere ({@code paperwire run},
 * {@code docker compose up}) it writes the example subscriptions to {@code subscriptions}, ingests the sample and exits.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the main job offline on the embedded Kafka broker and schema registry, with a synthetic "
                + "sample of papers.", "--live harvests today's arXiv announcement feed instead (needs the network)."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    PlatformOptions platformOptions;

    @Option(names = "--once", description = "Exit after the summary instead of serving until Ctrl-C.")
    boolean once;

    @Option(names = "--papers", defaultValue = "200", description = "Synthetic papers to generate (default: ${DEFAULT-VALUE}).")
    int papers;

    @Option(names = "--live", description = "Harvest today's arXiv announcement feed instead of the synthetic sample (needs the network).")
    boolean live;

    @Option(names = "--archives", defaultValue = "cs.LG+cs.AI+cs.CL+stat.ML",
            description = "Archives of the live feed (default: ${DEFAULT-VALUE}).")
    String archives;

    @Option(names = "--only-seed",
            description = "Run no service here: write the example subscriptions and ingest the sample into a cluster "
                    + "whose enrich and notify run elsewhere (docker compose), then exit.")
    boolean onlySeed;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed; the same seed gives the same papers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PaperwireConfig config = platformOptions.load();
        Path demoDir = Path.of(config.require(Settings.DATA_DIR)).resolve("demo");
        Files.createDirectories(demoDir);
        if (onlySeed) {
            return seed(config, demoDir, out);
        }

        try (Platform platform = Platform.start(config);
             Observability observability = Observability.start(platform);
             EnrichService enrich = observability.watch(EnrichRunner.start(platform));
             NotifyService notify = observability.watch(NotifyRunner.start(platform, NotifyRunner.config(platform)));
             DeliveryRunner delivery = DeliveryRunner.start(platform, notify, notify.http().url(),
                     observability.metrics())) {
            observability.serve(Optional.of(notify));
            UpCommand.printWhereEverythingListens(platform, out);
            out.println();

            List<Subscription> subscriptions = exampleSubscriptions().stream().map(notify.subscriptions()::put).toList();
            out.println("Example subscriptions (through the same store as POST /api/subscriptions):");
            subscriptions.forEach(sub -> out.printf("  %-24s %s%n", sub.getName(), sub.getQuery()));
            out.println();

            PaperwireTopics topics = PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig());
            IngestSummary summary = ingestSample(platform, topics, demoDir, out,
                    observability.ingestListener(IngestListener.printingTo(System.err)));

            List<Paper> published = new ArrayList<>(TopicSnapshot.values(platform, topics.published(), 0, 3,
                    Duration.ofSeconds(20)));
            published.sort(java.util.Comparator.comparing(Paper::getIngestedAt));
            out.printf("%nOn %s now: %d paper events. The newest:%n", topics.published().name(), published.size());
            published.stream().skip(Math.max(0, published.size() - 5)).forEach(p -> out.printf(
                    "  %-22s v%d %-16s %s%n", p.getKey(), p.getVersion(), p.getKind(), abbreviate(p.getTitle(), 70)));

            List<EnrichedPaper> enriched = TopicSnapshot.values(platform, topics.enriched(), published.size(), 0,
                    Duration.ofSeconds(120));
            enrich.failure().ifPresent(e -> out.println("enrich stopped with an error: " + e));
            out.printf("%nOn %s: %d enriched papers (enricher %s). Three of them:%n", topics.enriched().name(),
                    enriched.size(), enriched.isEmpty() ? "-" : enriched.get(0).getEnricherVersion());
            enriched.stream().limit(3).forEach(e -> printEnriched(out, e));
            List<TrendingScore> trending = latestPerKey(TopicSnapshot.read(platform, topics.trending(), 1, 4,
                    Duration.ofSeconds(15)));
            out.printf("%nOn %s: %d papers with engagement. Top 5 of the last day:%n", topics.trending().name(),
                    trending.size());
            trending.stream().limit(5).forEach(t -> out.printf("  %-22s score %7.2f  (%d upvotes, %d comments)%n",
                    t.getPaperKey(), t.getScore(), t.getUpvotes(), t.getComments()));

            List<Alert> alerts = TopicSnapshot.values(platform, topics.alerts(), 0, 6, Duration.ofSeconds(30));
            out.printf("%nOn %s: %d alerts, exactly one per (subscription, paper). A few, with why they matched:%n",
                    topics.alerts().name(), alerts.size());
            Map<String, String> names = new java.util.HashMap<>();
            subscriptions.forEach(sub -> names.put(sub.getId(), sub.getName()));
            alerts.stream().limit(6).forEach(a -> out.printf("  [%s] %s  %s%n      because %s%n",
                    names.getOrDefault(a.getSubscriptionId(), a.getSubscriptionId()), a.getPaperKey(),
                    abbreviate(a.getTitle(), 70), String.join("; ", a.getReasons().stream()
                            .map(r -> r.getKind() + (r.getField() == null ? "" : " in " + r.getField()) + ": " + r.getDetail())
                            .limit(3).toList())));
            delivery.mailDirectory().ifPresent(dir -> {
                long mails = awaitFiles(dir, alerts.size(), Duration.ofSeconds(60));
                out.printf("%nInstant email: %d messages written as .eml files to %s (no SMTP server configured; set "
                        + "mail.smtp.host to send them).%n", mails, dir.toAbsolutePath());
            });
            out.println("Daily digests go out at each subscriber's local time; webhooks and feeds are in docs/delivery.md.");
            out.println("Read the stream yourself with any Confluent client: bootstrap " + platform.bootstrapServers()
                    + ", registry " + platform.schemaRegistryUrl() + ".");
            out.flush();

            if (once) {
                return summary.succeeded() ? 0 : 1;
            }
            out.println("Serving (metrics on " + notify.http().url() + "/metrics); press Ctrl-C to stop.");
            out.flush();
            // The services stop before the platform they run on; the JVM ends right after.
            ServeUntilStopped.serve("demo", List.of(delivery, notify, enrich, observability, platform));
            return 0;
        }
    }

    /**
     * {@code --only-seed}: the example subscriptions as records on {@code subscriptions} (what the store of a notify
     * running elsewhere writes for {@code POST /api/subscriptions}), then the sample ingested; no service runs here.
     */
    private int seed(PaperwireConfig config, Path demoDir, PrintWriter out) throws IOException {
        try (Platform platform = Platform.start(config)) {
            PaperwireTopics topics = PaperwireTopics.fromConfig(platform.topicNames(), platform.serdeConfig());
            Topic<String, Subscription> subscriptionTopic = topics.subscriptions();
            List<Subscription> subscriptions = exampleSubscriptions();
            try (KafkaProducer<String, Subscription> producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    subscriptionTopic.keySerde().serializer(), subscriptionTopic.valueSerde().serializer())) {
                for (Subscription subscription : subscriptions) {
                    producer.send(new ProducerRecord<>(subscriptionTopic.name(), subscription.getId(), subscription))
                            .get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("cannot write the example subscriptions to " + subscriptionTopic.name()
                        + " on " + platform.bootstrapServers() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            out.printf("Example subscriptions written to %s on %s:%n", subscriptionTopic.name(),
                    platform.bootstrapServers());
            subscriptions.forEach(sub -> out.printf("  %-24s %s%n", sub.getName(), sub.getQuery()));
            IngestSummary summary = ingestSample(platform, topics, demoDir, out, IngestListener.printingTo(System.err));
            out.printf("Seeded: enrich and notify running against %s pick it up from here.%n",
                    platform.bootstrapServers());
            out.flush();
            return summary.succeeded() ? 0 : 1;
        }
    }

    /** Ingests the synthetic sample (or, with {@code --live}, today's arXiv feed) through the exactly-once publisher. */
    private IngestSummary ingestSample(Platform platform, PaperwireTopics topics, Path demoDir, PrintWriter out,
                                       IngestListener listener) throws IOException {
        IngestSources sources = new IngestSources(PoliteHttpClient.create(HttpSettings.defaults()),
                ParserSettings.defaults(), Clock.systemUTC());
        PaperSource source;
        if (live) {
            out.printf("Live: harvesting today's arXiv announcement feed for %s%n", archives);
            source = sources.arxivFeed(new ArxivFeedSource.Settings(ArxivFeedSource.DEFAULT_BASE_URL, archives));
        } else {
            List<Path> sample = writeSample(demoDir);
            out.printf("Sample: %d synthetic papers (seed %d) written to %s%n", papers, seed, sample.get(0));
            out.printf("        their Hugging Face upvotes and comments to %s%n", sample.get(1));
            source = sources.files(FileSource.Settings.of(sample, false));
        }
        out.flush();
        try (IngestRuntime ingest = IngestRuntime.connect(IngestOptions.defaults(platform.bootstrapServers())
                .withTransactionalId("paperwire-demo-ingest"), IngestTopics.from(topics), listener)) {
            return ingest.run(List.of(source));
        }
    }

    private List<Path> writeSample(Path demoDir) throws IOException {
        // Dated relative to today, so that the sample's engagement signals fall inside the trending windows.
        Instant epoch = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(3)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<GeneratedPaper> generated = new PaperGenerator(seed, epoch).next(papers);
        Path snapshot = demoDir.resolve("synthetic-papers-seed" + seed + ".jsonl");
        Path hf = demoDir.resolve("synthetic-hf-daily-seed" + seed + ".json");
        try (OutputStream o = Files.newOutputStream(snapshot)) {
            GeneratedFormats.writeSnapshotJsonLines(generated, o);
        }
        try (OutputStream o = Files.newOutputStream(hf)) {
            GeneratedFormats.writeHfDaily(generated.subList(0, Math.min(30, generated.size())),
                    Instant.now().minus(Duration.ofHours(2)), o);
        }
        return List.of(snapshot, hf);
    }

    /** Three subscriptions over the synthetic sample's vocabulary; the same ids on every run, so re-runs replace them. */
    private static List<Subscription> exampleSubscriptions() {
        List<Subscription> created = new ArrayList<>();
        String[][] examples = {
            {"demo-language-models", "Language models", "title:\"language models\" OR keywords:\"language models\""},
            {"demo-dark-matter", "Dark matter", "tags:\"dark matter\""},
            {"demo-qubits", "Qubits, no optics", "abstract:qubits AND NOT categories:physics.optics"},
        };
        Instant now = Instant.now();
        UnsubscribeTokens tokens = new UnsubscribeTokens(new java.security.SecureRandom());
        for (String[] example : examples) {
            Subscription subscription = Subscription.newBuilder()
                    .setId(example[0]).setOwnerEmail("reader@example.org").setName(example[1]).setQuery(example[2])
                    .setEmailInstant(true).setUnsubscribeToken(tokens.newToken())
                    .setCreatedAt(now).setUpdatedAt(now).build();
            created.add(subscription);
        }
        return created;
    }

    /** Waits until {@code dir} holds at least {@code count} .eml files (or the time is up); returns how many it holds. */
    private static long awaitFiles(Path dir, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        long found = 0;
        while (Instant.now().isBefore(deadline)) {
            try (var files = Files.list(dir)) {
                found = files.filter(f -> f.toString().endsWith(".eml")).count();
            } catch (IOException e) {
                found = 0;
            }
            if (found >= count) {
                break;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return found;
    }

    /** The latest score per paper of the compacted trending table (tombstones remove), hottest first. */
    private static List<TrendingScore> latestPerKey(List<ConsumerRecord<String, TrendingScore>> records) {
        Map<String, TrendingScore> latest = new java.util.HashMap<>();
        for (var r : records) {
            if (r.value() == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), r.value());
            }
        }
        return latest.values().stream()
                .sorted(java.util.Comparator.comparingDouble(TrendingScore::getScore).reversed()).toList();
    }

    private static void printEnriched(PrintWriter out, EnrichedPaper e) {
        out.printf("  %s v%d  %s%n", e.getPaper().getKey(), e.getPaper().getVersion(), abbreviate(e.getPaper().getTitle(), 80));
        out.printf("    keywords: %s%n", String.join(", ", e.getKeywords().stream().limit(6).map(Keyword::getPhrase).toList()));
        out.printf("    tags:     %s%n", String.join(", ", e.getTags().stream().limit(6)
                .map(t -> t.getTag() + (t.getKind() == TagKind.TOPIC ? String.format(" (%.2f)", t.getConfidence()) : ""))
                .toList()));
        out.printf("    trending: %.2f%n", e.getTrendingScore());
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
