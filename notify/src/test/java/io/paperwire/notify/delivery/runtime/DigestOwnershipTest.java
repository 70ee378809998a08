package io.paperwire.notify.delivery.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/**
 * A subscription's digest runs on the delivery instance that consumes the partition of {@code alerts} holding its
 * alerts; that partition is the one Kafka's producer picks for the subscription id as key.
 */
class DigestOwnershipTest {

    @Test
    void shouldPlaceASubscriptionOnThePartitionTheProducerWritesItsAlertsTo() {
        for (int partitions : new int[] {1, 3, 7, 12}) {
            for (int i = 0; i < 500; i++) {
                String id = "sub-" + Integer.toHexString(i * 7919) + "-\u00e9";
                assertThat(AlertDeliveryService.partitionOf(id, partitions)).as("%s of %d", id, partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(id.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }
}
