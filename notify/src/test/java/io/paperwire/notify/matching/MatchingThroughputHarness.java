package io.paperwire.notify.matching;

import io.paperwire.schemas.EnrichedPaper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures matching throughput; not a test (run by hand, never asserts timing). Generates subscriptions with
 * {@link SubscriptionGenerator}, replays the arXiv sample (or the fixtures) as N papers with varied keys, and
 * prints papers/s, matches and candidate queries per paper, and where the time goes.
 *
 * <pre>
 * cd /work/main && mvn -q -B -pl notify test-compile && java -cp "notify/target/classes:notify/target/test-classes:$(cat /tmp/notify.cp)" \
 *     io.paperwire.notify.matching.MatchingThroughputHarness --subscriptions 100000 --papers 5000
 * </pre>
 * Flags: {@code --subscriptions M}, {@code --papers N}, {@code --batch B}, {@code --no-dedup},
 * {@code --rounds R} (the papers are matched R times; each round prints its rate, so a quiet moment of a shared
 * machine shows), {@code --threads T} (after the one-thread rounds, T threads match the papers at once and the
 * wall-clock rate is printed), {@code --presearcher TERM_FILTERED|MULTIPASS}, {@code --verification DIRECT|LUCENE}, {@code --seed S}, {@code --corpus FILE}.
 */
public final class MatchingThroughputHarness {

    private MatchingThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        int subscriptionCount = 10_000;
        int paperCount = 5_000;
        int batch = 1;
        int rounds = 1;
        int threadCount = 1;
        boolean dedup = true;
        long seed = 42;
        PaperMatcher.PresearcherKind presearcher = PaperMatcher.PresearcherKind.MULTIPASS;
        PaperMatcher.Verification verification = PaperMatcher.Verification.DIRECT;
        Path corpus = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--subscriptions" -> subscriptionCount = Integer.parseInt(args[++i]);
                case "--papers" -> paperCount = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--threads" -> threadCount = Integer.parseInt(args[++i]);
                case "--no-dedup" -> dedup = false;
                case "--presearcher" -> presearcher = PaperMatcher.PresearcherKind.valueOf(args[++i]);
                case "--verification" -> verification = PaperMatcher.Verification.valueOf(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--corpus" -> corpus = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        List<EnrichedPaper> base = corpus != null ? TestPapers.readArxivJsonLines(corpus)
                : TestPapers.arxivSample().orElseGet(TestPapers::fixtures);
        List<EnrichedPaper> papers = TestPapers.replicate(base, paperCount);
        List<String> seedKeys = base.stream().limit(200).map(p -> p.getPaper().getKey()).toList();
        List<SubscriptionSpec> specs = new SubscriptionGenerator(seed, seedKeys,
                SubscriptionGenerator.DEFAULT_SIMILARITY_SHARE).generate(subscriptionCount);
        long distinctQueries = specs.stream().filter(s -> s.query() != null).map(SubscriptionSpec::query)
                .distinct().count();

        try (PaperMatcher matcher = PaperMatcher.builder().deduplicate(dedup).batchSize(batch)
                .presearcher(presearcher).verification(verification).build()) {
            long start = System.nanoTime();
            long registerCpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            matcher.upsertAll(specs);
            double registerSeconds = (System.nanoTime() - start) / 1e9;
            double registerCpuSeconds = (java.lang.management.ManagementFactory.getThreadMXBean()
                    .getCurrentThreadCpuTime() - registerCpuStart) / 1e9;
            System.out.printf(Locale.ROOT, "subscriptions %d (distinct query strings %d, stored queries %d), "
                            + "registered in %.1f s (%.1f CPU-seconds of the registering thread); corpus %d papers, replayed as %d; batch %d, dedup %s, %s, %s%n",
                    subscriptionCount, distinctQueries, matcher.storedQueryCount(), registerSeconds, registerCpuSeconds,
                    base.size(),
                    papers.size(), batch, dedup, presearcher, verification);
            // The seed papers and a warm-up: the JIT and the caches, not measured.
            matcher.match(base.subList(0, Math.min(base.size(), 500)));
            for (int round = 1; round <= rounds; round++) {
                measure(matcher, papers, subscriptionCount, batch, round);
            }
            if (threadCount > 1) {
                for (int round = 1; round <= rounds; round++) {
                    measureThreads(matcher, papers, threadCount, round);
                }
            }
        }
    }

    /** T threads each match every T-th paper, one at a time; prints the wall-clock rate and the CPU they used. */
    private static void measureThreads(PaperMatcher matcher, List<EnrichedPaper> papers, int threadCount, int round)
            throws InterruptedException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong matches = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            int first = t;
            workers.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long cpuStart = threads.getCurrentThreadCpuTime();
                for (int i = first; i < papers.size(); i += threadCount) {
                    matches.addAndGet(matcher.match(papers.get(i)).size());
                }
                cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
            }, "matcher-" + t));
        }
        workers.forEach(Thread::start);
        long start = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d threads, round %d: wall clock %.0f papers/s; %.0f papers per CPU-second "
                        + "summed over the threads; matches/paper %.1f; machine load %.1f%n", threadCount, round,
                papers.size() / seconds, papers.size() / (cpuNanos.get() / 1e9),
                (double) matches.get() / papers.size(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void measure(PaperMatcher matcher, List<EnrichedPaper> papers, int subscriptionCount, int batch,
                                int round) {
        MatchStats before = matcher.stats();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long matches = 0;
        for (PaperMatches result : matcher.match(papers)) {
            matches += result.matches().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        MatchStats after = matcher.stats();
        long n = after.papers() - before.papers();
        System.out.printf(Locale.ROOT, "round %d: papers per CPU-second of the matching thread %.0f (wall clock: "
                + "%.0f papers/s, machine load %.1f)%n", round, n / cpuSeconds, n / seconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  matches/paper %.1f (%.3f%% of subscriptions); "
                        + "stored-query matches/paper %.1f; candidate query runs/paper %.1f (per batch of %d: %.0f)%n",
                (double) matches / n, 100.0 * matches / n / subscriptionCount,
                (double) (after.queryMatches() - before.queryMatches()) / n,
                (double) (after.candidateQueries() - before.candidateQueries()) / n, batch,
                (double) (after.candidateQueries() - before.candidateQueries()) / n * batch);
        double total = (after.analysisNanos() - before.analysisNanos()) + (after.monitorNanos()
                - before.monitorNanos()) + (after.fanOutNanos() - before.fanOutNanos());
        System.out.printf(Locale.ROOT, "  wall time: analysis %.0f%%, monitor %.0f%%, fan-out+reasons %.0f%% "
                        + "(%.0f us/paper in all)%n",
                100 * (after.analysisNanos() - before.analysisNanos()) / total,
                100 * (after.monitorNanos() - before.monitorNanos()) / total,
                100 * (after.fanOutNanos() - before.fanOutNanos()) / total, total / 1000 / n);
    }
}
