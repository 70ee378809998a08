package io.paperwire.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates topics idempotently and waits until every partition of each answers a {@code listOffsets} request.
 *
 * <p>Why wait: Kafka 4.1–4.4 can lose records from an idempotent producer that writes right after a topic is
 * created (KAFKA-15591 / KAFKA-19880). paperwire never relies on auto-created topics; it creates them here first and
 * starts producing only once they answer.
 */
public final class TopicInitializer {

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);

    private TopicInitializer() {
    }

    /**
     * Creates the topics that are missing (existing ones are left as they are) and waits until all are ready.
     *
     * @return the names of the topics this call created
     * @throws IllegalStateException when creation fails or the topics are not ready within {@code timeout}
     */
    public static List<String> createAndAwait(Admin admin, Collection<NewTopic> topics, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> created = new ArrayList<>();
        try {
            var existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                var results = admin.createTopics(missing).values();
                for (var entry : results.entrySet()) {
                    try {
                        entry.getValue().get(remaining(deadline), TimeUnit.MILLISECONDS);
                        created.add(entry.getKey());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new IllegalStateException("cannot create topic " + entry.getKey() + ": "
                                    + e.getCause().getMessage(), e.getCause());
                        }
                    }
                }
            }
            awaitReady(admin, topics.stream().map(NewTopic::name).toList(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + names(topics) + ": " + e.getMessage(), e);
        }
        if (!created.isEmpty()) {
            log.info("created topics {}", created);
        }
        return created;
    }

    /** Waits until {@code listOffsets} answers for every partition of the named topics. */
    public static void awaitReady(Admin admin, Collection<String> topicNames, Instant deadline) throws InterruptedException {
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(topicNames).allTopicNames()
                        .get(remaining(deadline), TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                descriptions.values().forEach(d -> d.partitions().forEach(
                        p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(request).all().get(remaining(deadline), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e;
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        throw new IllegalStateException("topics " + topicNames + " not ready in time"
                + (last == null ? "" : ": " + last.getMessage()), last);
    }

    private static long remaining(Instant deadline) {
        return Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
    }

    private static String names(Collection<NewTopic> topics) {
        return topics.stream().map(NewTopic::name).collect(Collectors.joining(", "));
    }
}
