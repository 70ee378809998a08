package io.paperwire.app.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;

/**
 * Resets the input offsets of one Kafka Streams app (its consumer group is its {@code application.id}) so that it
 * reprocesses its inputs from a {@link ResetTarget}, like Kafka's streams application reset tool, and refuses while
 * the group has live members. {@link #plan} only reads; {@link #apply} commits the new offsets and, when asked, deletes
 * the app's internal topics ({@code <application.id>-…-changelog} and {@code -repartition}) and its local state
 * directory, so that the app rebuilds its state from the replayed input. The admin client is the caller's.
 */
public final class StreamsAppReset {

    /** One input partition's move: from the committed offset (none if the app never committed) to the target. */
    public record Move(TopicPartition partition, OptionalLong committed, long target, long logStart, long logEnd) {
        /** Records the app will read again (or, when the target lies ahead, skip: a negative number). */
        public long replayed() {
            return committed.orElse(logStart) - target;
        }
    }

    /** What a reset would do. */
    public record Plan(String applicationId, ResetTarget target, List<Move> moves, List<String> internalTopics,
                       boolean resetState) {
        public Plan {
            moves = List.copyOf(moves);
            internalTopics = List.copyOf(internalTopics);
        }

        /** Records the app will read again, over all partitions. */
        public long replayed() {
            return moves.stream().mapToLong(Move::replayed).sum();
        }
    }

    private final Admin admin;
    private final String applicationId;
    private final List<String> inputTopics;
    private final Duration timeout;

    /**
     * @param applicationId the app's {@code application.id}, which is its consumer group
     * @param inputTopics   the topics the app consumes as a group (not global stores, which always restore in full)
     */
    public StreamsAppReset(Admin admin, String applicationId, List<String> inputTopics, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.inputTopics = List.copyOf(inputTopics);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The live members of the app's consumer group: empty when no instance of the app runs. */
    public List<MemberDescription> liveMembers() {
        try {
            ConsumerGroupDescription group = await(admin.describeConsumerGroups(List.of(applicationId))
                    .describedGroups().get(applicationId));
            return List.copyOf(group.members());
        } catch (GroupIdNotFoundException neverRan) {
            return List.of();
        }
    }

    /**
     * What resetting to {@code target} would move. {@code resetState} (only with {@link ResetTarget.Earliest}, since
     * state built from records before another target could not be rebuilt) also lists the internal topics to delete.
     *
     * @throws IllegalArgumentException when {@code target} names partitions that are not the app's inputs, or
     *                                  {@code resetState} is asked with a target other than the earliest offsets
     */
    public Plan plan(ResetTarget target, boolean resetState) {
        if (resetState && !(target instanceof ResetTarget.Earliest)) {
            throw new IllegalArgumentException("resetting the state needs a replay from the earliest offsets: state "
                    + "built from records before " + target.describe() + " could not be rebuilt");
        }
        List<TopicPartition> partitions = inputPartitions();
        if (target instanceof ResetTarget.Offsets given) {
            List<TopicPartition> unknown = given.offsets().keySet().stream().filter(p -> !partitions.contains(p))
                    .sorted(Comparator.comparing(TopicPartition::toString)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(applicationId + " does not consume " + unknown
                        + "; its input partitions are " + partitions);
            }
        }
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> committed = committed();
        Map<TopicPartition, Long> targets = targets(target, partitions, starts, ends);
        List<Move> moves = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            if (!targets.containsKey(partition)) {
                continue;
            }
            OffsetAndMetadata current = committed.get(partition);
            long wanted = Math.max(starts.get(partition), Math.min(ends.get(partition), targets.get(partition)));
            moves.add(new Move(partition, current == null ? OptionalLong.empty() : OptionalLong.of(current.offset()),
                    wanted, starts.get(partition), ends.get(partition)));
        }
        return new Plan(applicationId, target, moves, resetState ? internalTopics() : List.of(), resetState);
    }

    /**
     * Commits the plan's offsets for the app's group and, if the plan says so, deletes its internal topics and
     * {@code localStateDir} (the app's {@code state.dir}; its {@code <application.id>} folder is removed).
     *
     * @throws ReplayRefusedException when the group has live members
     */
    public void apply(Plan plan, Path localStateDir) {
        List<MemberDescription> live = liveMembers();
        if (!live.isEmpty()) {
            throw refused(live);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        plan.moves().forEach(m -> offsets.put(m.partition(), new OffsetAndMetadata(m.target())));
        try {
            await(admin.alterConsumerGroupOffsets(applicationId, offsets).all());
        } catch (GroupNotEmptyException e) {
            throw new ReplayRefusedException(applicationId + ": an instance joined the group while resetting; stop "
                    + "every instance and try again");
        }
        if (plan.resetState()) {
            if (!plan.internalTopics().isEmpty()) {
                await(admin.deleteTopics(plan.internalTopics()).all());
            }
            deleteRecursively(localStateDir.resolve(applicationId));
        }
    }

    /** The refusal message for live members, naming them. */
    public ReplayRefusedException refused(List<MemberDescription> live) {
        List<String> names = live.stream().map(m -> m.clientId() + "@" + m.host()).sorted().toList();
        return new ReplayRefusedException("refusing to replay " + applicationId + ": its consumer group has "
                + live.size() + " live member(s) " + names + "; stop every instance of the app first");
    }

    private List<TopicPartition> inputPartitions() {
        Map<String, TopicDescription> topics = await(admin.describeTopics(inputTopics).allTopicNames());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : inputTopics) {
            topics.get(topic).partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, ListOffsetsResultInfo> result = await(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((p, info) -> offsets.put(p, info.offset()));
        return offsets;
    }

    private Map<TopicPartition, Long> targets(ResetTarget target, List<TopicPartition> partitions,
                                              Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
        if (target instanceof ResetTarget.Offsets given) {
            return given.offsets();
        }
        if (target instanceof ResetTarget.FromTime from) {
            Map<TopicPartition, Long> atTime = offsets(partitions, OffsetSpec.forTimestamp(from.time().toEpochMilli()));
            Map<TopicPartition, Long> resolved = new HashMap<>();
            atTime.forEach((p, offset) -> resolved.put(p, offset < 0 ? ends.get(p) : offset));
            return resolved;
        }
        return starts;
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() {
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata());
        Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
        committed.forEach((p, o) -> {
            if (o != null) {
                present.put(p, o);
            }
        });
        return present;
    }

    private List<String> internalTopics() {
        String prefix = applicationId + "-";
        return await(admin.listTopics().names()).stream()
                .filter(t -> t.startsWith(prefix) && (t.endsWith("-changelog") || t.endsWith("-repartition")))
                .sorted().toList();
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the cluster", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the cluster did not answer within " + timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KafkaException kafka) {
                throw kafka;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the local state " + dir, e);
        }
    }
}
