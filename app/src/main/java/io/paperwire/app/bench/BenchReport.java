package io.paperwire.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every figure of one bench run. In: what {@link BenchRun} measured. Out: the goals of issue 7 with whether each was
 * met ({@link #goals()}), the consistency checks ({@link #checks()}), the table printed at the end
 * ({@link #table()}) and the JSON document of {@code --json} ({@link #toJson()}); {@code docs/benchmarks.md} says
 * what each field means.
 *
 * @param settings            what was asked for
 * @param cluster             "embedded" or the bootstrap servers of the cluster used
 * @param paperOrigin         where the papers came from
 * @param machine             the machine and the versions
 * @param startedAt           when the run started
 * @param elapsed             how long the whole run took
 * @param counts              the counts of every stage
 * @param rawProducer         baseline: a plain producer writing the published records' bytes
 * @param rawConsumer         baseline: a plain consumer reading them
 * @param passThrough         baseline: a pass-through Kafka Streams app, exactly-once v2
 * @param ingest              stage: ingest parse + publish through the real file source and publisher
 * @param enrich              stage: the real enrich app
 * @param enrichWarmUp        the untimed warm-up of enrich (its own application id and topics) before the
 *                            pass-through and enrich were measured
 * @param matching            stage: notify's matcher in process
 * @param notifyService       stage: the real notify service (matching, alert ledger, alerts) on the same papers,
 *                            from the moment its start returned (subscriptions loaded)
 * @param notifyStartup       how long the notify service took to start: reading the subscriptions topic into its
 *                            store and matcher
 * @param endToEnd            stage: ingest → enrich → notify with both running as services
 * @param latency             publish → alert at the offered rate
 * @param memory              heap and resident set
 */
public record BenchReport(BenchSettings settings, String cluster, String paperOrigin, MachineInfo machine,
                          Instant startedAt, Duration elapsed, Counts counts, Throughput rawProducer,
                          Throughput rawConsumer, Throughput passThrough, Throughput ingest, Throughput enrich,
                          WarmUp enrichWarmUp, MatchingFigures matching, Throughput notifyService, Duration notifyStartup,
                          Throughput endToEnd,
                          LatencyFigures latency, Memory memory) {

    /** The goal's subscription count for notify matching and the bench heap. */
    static final int GOAL_SUBSCRIPTIONS = 100_000;

    /**
     * How many records each stage saw.
     *
     * @param papers              papers of the measured set
     * @param ingestRead          records ingest read from the snapshot file
     * @param published           paper events ingest published to {@code papers.published}
     * @param rawConsumed         records the raw consumer read
     * @param rawProduced         records the raw producer wrote
     * @param passedThrough       records the pass-through app wrote
     * @param enriched            enriched papers on {@code papers.enriched}
     * @param matched             papers the in-process matcher matched
     * @param subscriptions       subscriptions generated and written to {@code subscriptions}
     * @param activeSubscriptions of which active (not paused)
     * @param matcherMatches      (subscription, paper) matches the in-process matcher found
     * @param alerts              alerts the notify service wrote for the measured set
     * @param endToEndPapers      papers of the end-to-end set
     * @param endToEndEnriched    of which enriched
     * @param endToEndAlerts      alerts for them
     * @param latencyPapers       papers published at the offered rate
     * @param latencyEnriched     of which enriched
     * @param latencyAlerts       alerts for them
     */
    public record Counts(long papers, long ingestRead, long published, long rawConsumed, long rawProduced,
                         long passedThrough, long enriched, long matched, long subscriptions,
                         long activeSubscriptions, long matcherMatches, long alerts, long endToEndPapers,
                         long endToEndEnriched, long endToEndAlerts, long latencyPapers, long latencyEnriched,
                         long latencyAlerts) {
    }

    /**
     * Memory of the bench process (the embedded broker and registry included).
     *
     * @param peakHeapBytes     the most heap in use at any sample, garbage included
     * @param peakHeapAfterGcBytes the most heap still in use right after a garbage collection: the live data
     * @param maxHeapBytes      the heap limit, -1 when none
     * @param peakResidentBytes VmHWM, when the OS tells it
     * @param residentBytes     VmRSS at the end, when the OS tells it
     */
    public record Memory(long peakHeapBytes, long peakHeapAfterGcBytes, long maxHeapBytes, OptionalLong peakResidentBytes,
                         OptionalLong residentBytes) {
    }

    /** Every consistency check by name: true when the counts add up. */
    public Map<String, Boolean> checks() {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("ingest_read_equals_papers", counts.ingestRead() == counts.papers());
        checks.put("published_equals_papers", counts.published() == counts.papers());
        checks.put("raw_consumed_equals_published", counts.rawConsumed() == counts.published());
        checks.put("raw_produced_equals_published", counts.rawProduced() == counts.published());
        checks.put("passed_through_equals_published", counts.passedThrough() == counts.published());
        checks.put("enriched_equals_published", counts.enriched() == counts.published());
        checks.put("matched_equals_enriched", counts.matched() == counts.enriched());
        checks.put("alerts_equal_matcher_matches", counts.alerts() == counts.matcherMatches());
        checks.put("end_to_end_enriched_equals_papers", counts.endToEndEnriched() == counts.endToEndPapers());
        checks.put("latency_enriched_equals_papers", counts.latencyEnriched() == counts.latencyPapers());
        return checks;
    }

    /** True when every check holds. */
    public boolean consistent() {
        return checks().values().stream().allMatch(Boolean::booleanValue);
    }

    /** The goals of issue 7, each judged when this run measured it under the goal's conditions. */
    public List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        double ingestRatio = ingest.ratioTo(rawProducer);
        goals.add(new Goal("ingest / raw producer", ">= 0.5", ingestRatio, ratioMet(ingestRatio, 0.5),
                "papers/s of ingest parse + publish over a raw producer writing the same bytes"));
        double enrichRatio = enrich.ratioTo(passThrough);
        goals.add(new Goal("enrich / pass-through Streams", ">= 0.40", enrichRatio, ratioMet(enrichRatio, 0.40),
                "both exactly-once v2 with enrich's Streams settings, same records, same broker"));
        boolean atGoalScale = counts.subscriptions() >= GOAL_SUBSCRIPTIONS;
        double share = matching.matchedShareOfSubscriptions();
        goals.add(new Goal("notify matching papers/s at 100k subscriptions", ">= 2000 papers/s",
                matching.papersPerSecond(), atGoalScale ? matching.papersPerSecond() >= 2_000 : null,
                (atGoalScale ? "" : "not judged: measured at " + counts.subscriptions() + " subscriptions; ")
                        + String.format(Locale.ROOT, "a paper matched %.3f %% of the subscriptions (goal's "
                        + "condition: at most 0.5 %%)", share * 100)));
        boolean atGoalRate = settings.offeredRate() >= 100;
        goals.add(new Goal("p99 publish -> alert", "< 500 ms at 100 papers/s", latency.p99Millis(),
                atGoalRate && !Double.isNaN(latency.p99Millis()) ? latency.p99Millis() < 500 : null,
                atGoalRate ? String.format(Locale.ROOT, "offered %.0f papers/s, achieved %.1f",
                        latency.offeredRate(), latency.achievedRate())
                        : "not judged: offered rate " + settings.offeredRate() + " papers/s is below 100"));
        goals.add(new Goal("bench peak heap (MiB) at 100k subscriptions", "< 2048 MiB",
                memory.peakHeapAfterGcBytes() / 1024.0 / 1024.0,
                atGoalScale ? memory.peakHeapAfterGcBytes() < 2L * 1024 * 1024 * 1024 : null,
                atGoalScale ? "peak heap in use right after a collection, whole bench process (broker included)"
                        : "not judged: measured at " + counts.subscriptions() + " subscriptions"));
        goals.add(new Goal("paperwire up idle heap", "< 512 MB", Double.NaN, null,
                "not measured by the bench: it is a property of 'paperwire up' at rest"));
        return goals;
    }

    private static Boolean ratioMet(double ratio, double goal) {
        return Double.isNaN(ratio) ? null : ratio >= goal;
    }

    /** The report as the JSON document {@code --json} writes. */
    public ObjectNode toJson() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("started_at", startedAt.toString());
        number(root, "duration_seconds", elapsed.toMillis() / 1000.0);
        root.put("consistent", consistent());
        ObjectNode s = root.putObject("settings");
        s.put("papers", settings.papers());
        s.put("end_to_end_papers", settings.endToEndPapers());
        s.put("subscriptions", settings.subscriptions());
        number(s, "offered_rate_papers_per_second", settings.offeredRate());
        number(s, "latency_duration_seconds", settings.latencyDuration().toMillis() / 1000.0);
        s.put("latency_papers", settings.latencyPapers());
        s.put("corpus", settings.corpus().map(Object::toString).orElse(null));
        s.put("seed", settings.seed());
        s.put("cluster", cluster);
        s.put("papers_from", paperOrigin);
        ObjectNode m = root.putObject("machine");
        m.put("cores", machine.cores());
        m.put("memory_bytes", machine.memoryBytes());
        m.put("os", machine.os());
        m.put("jdk", machine.jdk());
        m.put("jvm", machine.jvm());
        m.put("kafka_version", machine.kafkaVersion());
        m.put("lucene_version", machine.luceneVersion());
        m.put("max_heap_bytes", memory.maxHeapBytes());
        ObjectNode c = root.putObject("counts");
        c.put("papers", counts.papers());
        c.put("ingest_read", counts.ingestRead());
        c.put("published", counts.published());
        c.put("raw_consumed", counts.rawConsumed());
        c.put("raw_produced", counts.rawProduced());
        c.put("passed_through", counts.passedThrough());
        c.put("enriched", counts.enriched());
        c.put("matched", counts.matched());
        c.put("subscriptions", counts.subscriptions());
        c.put("active_subscriptions", counts.activeSubscriptions());
        c.put("matcher_matches", counts.matcherMatches());
        c.put("alerts", counts.alerts());
        c.put("end_to_end_papers", counts.endToEndPapers());
        c.put("end_to_end_enriched", counts.endToEndEnriched());
        c.put("end_to_end_alerts", counts.endToEndAlerts());
        c.put("latency_papers", counts.latencyPapers());
        c.put("latency_enriched", counts.latencyEnriched());
        c.put("latency_alerts", counts.latencyAlerts());
        ObjectNode checks = root.putObject("checks");
        checks().forEach(checks::put);
        ObjectNode baselines = root.putObject("baselines");
        throughput(baselines.putObject("raw_producer"), rawProducer);
        throughput(baselines.putObject("raw_consumer"), rawConsumer);
        throughput(baselines.putObject("pass_through_streams"), passThrough);
        ObjectNode stages = root.putObject("stages");
        stage(stages.putObject("ingest"), ingest, "raw_producer", rawProducer);
        ObjectNode enrichStage = stages.putObject("enrich");
        stage(enrichStage, enrich, "pass_through_streams", passThrough);
        enrichStage.put("warm_up_papers", enrichWarmUp.papers());
        number(enrichStage, "warm_up_seconds", enrichWarmUp.elapsed().toNanos() / 1e9);
        number(enrichStage, "warm_up_papers_per_second", enrichWarmUp.papersPerSecond());
        enrichStage.put("warm_up_jit_settled", enrichWarmUp.settled());
        ObjectNode match = stages.putObject("notify_matching");
        match.put("papers", matching.papers());
        match.put("threads", matching.threads());
        number(match, "seconds", matching.elapsed().toNanos() / 1e9);
        number(match, "papers_per_second", matching.papersPerSecond());
        number(match, "papers_per_cpu_second", matching.papersPerCpuSecond());
        match.put("subscriptions", matching.subscriptions());
        match.put("active_subscriptions", matching.activeSubscriptions());
        match.put("stored_queries", matching.storedQueries());
        number(match, "matches_per_paper", matching.matchesPerPaper());
        number(match, "candidate_queries_per_paper", matching.candidateQueriesPerPaper());
        number(match, "matched_share_of_subscriptions", matching.matchedShareOfSubscriptions());
        match.put("query_matches", matching.queryMatches());
        number(match, "subscription_load_seconds", matching.subscriptionLoad().toNanos() / 1e9);
        match.put("warm_up_papers", matching.warmUpPapers());
        number(match, "warm_up_papers_per_second", matching.warmUpPapersPerSecond());
        ObjectNode service = stages.putObject("notify_service");
        stage(service, notifyService, "pass_through_streams", passThrough);
        number(service, "startup_seconds", notifyStartup.toNanos() / 1e9);
        stage(stages.putObject("end_to_end"), endToEnd, "pass_through_streams", passThrough);
        ObjectNode l = root.putObject("latency");
        number(l, "offered_rate_papers_per_second", latency.offeredRate());
        number(l, "achieved_rate_papers_per_second", latency.achievedRate());
        l.put("papers", latency.papers());
        l.put("alerted_papers", latency.alertedPapers());
        number(l, "p50_ms", latency.p50Millis());
        number(l, "p95_ms", latency.p95Millis());
        number(l, "p99_ms", latency.p99Millis());
        number(l, "max_ms", latency.maxMillis());
        ObjectNode mem = root.putObject("memory");
        mem.put("peak_heap_bytes", memory.peakHeapBytes());
        mem.put("peak_heap_after_gc_bytes", memory.peakHeapAfterGcBytes());
        mem.put("max_heap_bytes", memory.maxHeapBytes());
        optional(mem, "peak_resident_bytes", memory.peakResidentBytes());
        optional(mem, "resident_bytes", memory.residentBytes());
        ArrayNode goals = root.putArray("goals");
        for (Goal goal : goals()) {
            ObjectNode g = goals.addObject();
            g.put("name", goal.name());
            g.put("target", goal.target());
            number(g, "value", goal.value());
            if (goal.met() == null) {
                g.putNull("met");
            } else {
                g.put("met", goal.met());
            }
            g.put("note", goal.note());
        }
        return root;
    }

    private static void throughput(ObjectNode node, Throughput t) {
        node.put("papers", t.papers());
        node.put("bytes", t.bytes());
        number(node, "seconds", t.elapsed().toNanos() / 1e9);
        number(node, "papers_per_second", t.papersPerSecond());
        number(node, "megabytes_per_second", t.megabytesPerSecond());
        number(node, "cpu_microseconds_per_paper", t.cpuMicrosPerPaper());
    }

    private static void stage(ObjectNode node, Throughput t, String baselineName, Throughput baseline) {
        throughput(node, t);
        node.put("baseline", baselineName);
        number(node, "ratio_to_baseline", t.ratioTo(baseline));
    }

    /** A number, or null for NaN and the -1 of "unknown". */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value == -1) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static void optional(ObjectNode node, String name, OptionalLong value) {
        if (value.isPresent()) {
            node.put(name, value.getAsLong());
        } else {
            node.putNull(name);
        }
    }

    /** The table printed at the end of a run. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "paperwire bench: %d papers (%s), %d subscriptions, %s; %d cores, "
                        + "Java %s, Kafka %s%n", settings.papers(), paperOrigin, settings.subscriptions(), cluster,
                machine.cores(), System.getProperty("java.version"), machine.kafkaVersion()));
        out.append(String.format(Locale.ROOT, "%-30s %10s %9s %12s %8s  %s%n", "", "papers/s", "MB/s",
                "CPU us/paper", "ratio", "baseline"));
        row(out, "baseline: raw producer", rawProducer, null, null);
        row(out, "baseline: raw consumer", rawConsumer, null, null);
        row(out, "baseline: pass-through EOS v2", passThrough, null, null);
        row(out, "ingest parse + publish", ingest, rawProducer, "raw producer");
        row(out, "enrich", enrich, passThrough, String.format(Locale.ROOT,
                "pass-through; both after an untimed enrich warm-up of %d papers at %.0f papers/s (%.0f s, %s)",
                enrichWarmUp.papers(), enrichWarmUp.papersPerSecond(), enrichWarmUp.elapsed().toNanos() / 1e9,
                enrichWarmUp.settled() ? "JIT settled" : "JIT still compiling at --warm-up-limit"));
        out.append(String.format(Locale.ROOT, "%-30s %10.0f %9s %12.0f %8s  %s%n", "notify matching (in process)",
                matching.papersPerSecond(), "", matching.threadCpuNanos() / 1e3 / Math.max(1, matching.papers()),
                "", String.format(Locale.ROOT, "%d subscriptions, %.1f matches and %.1f candidate queries per paper; "
                                + "after an untimed warm-up of %d papers at %.0f papers/s",
                        matching.subscriptions(), matching.matchesPerPaper(), matching.candidateQueriesPerPaper(),
                        matching.warmUpPapers(), matching.warmUpPapersPerSecond())));
        row(out, "notify service", notifyService, passThrough, String.format(Locale.ROOT,
                "pass-through (after a start-up of %.1f s)", notifyStartup.toNanos() / 1e9));
        row(out, "end to end", endToEnd, passThrough, "pass-through");
        out.append(String.format(Locale.ROOT, "latency publish -> alert at %.0f papers/s (achieved %.1f): p50 %.0f ms, "
                        + "p95 %.0f ms, p99 %.0f ms, max %.0f ms over %d alerted of %d papers%n",
                latency.offeredRate(), latency.achievedRate(), latency.p50Millis(), latency.p95Millis(),
                latency.p99Millis(), latency.maxMillis(), latency.alertedPapers(), latency.papers()));
        out.append(String.format(Locale.ROOT, "memory: peak heap %s after GC, %s with garbage (max %s), peak RSS %s, "
                        + "RSS now %s%n", mebibytes(memory.peakHeapAfterGcBytes()), mebibytes(memory.peakHeapBytes()),
                mebibytes(memory.maxHeapBytes()),
                memory.peakResidentBytes().isPresent() ? mebibytes(memory.peakResidentBytes().getAsLong()) : "n/a",
                memory.residentBytes().isPresent() ? mebibytes(memory.residentBytes().getAsLong()) : "n/a"));
        out.append(String.format(Locale.ROOT, "counts: %d papers, %d published, %d enriched, %d matched, %d alerts "
                        + "(matcher found %d) -> %s%n", counts.papers(), counts.published(), counts.enriched(),
                counts.matched(), counts.alerts(), counts.matcherMatches(),
                consistent() ? "consistent" : "INCONSISTENT: " + failedChecks()));
        out.append("goals (issue 7):\n");
        for (Goal goal : goals()) {
            String verdict = goal.met() == null ? "not judged" : goal.met() ? "met" : "NOT met";
            out.append(String.format(Locale.ROOT, "  %-48s %-22s %12s  %s%n", goal.name(), goal.target(),
                    Double.isNaN(goal.value()) ? "-" : String.format(Locale.ROOT, "%.2f", goal.value()), verdict));
        }
        return out.toString();
    }

    private List<String> failedChecks() {
        return checks().entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    }

    private static void row(StringBuilder out, String name, Throughput t, Throughput baseline, String baselineName) {
        out.append(String.format(Locale.ROOT, "%-30s %10.0f %9.1f %12s %8s  %s%n", name, t.papersPerSecond(),
                t.megabytesPerSecond(), t.cpuMicrosPerPaper() < 0 ? "-"
                        : String.format(Locale.ROOT, "%.0f", t.cpuMicrosPerPaper()),
                baseline == null ? "" : String.format(Locale.ROOT, "%.2f", t.ratioTo(baseline)),
                baselineName == null ? "" : baselineName));
    }

    private static String mebibytes(long bytes) {
        return bytes < 0 ? "none" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
    }
}
