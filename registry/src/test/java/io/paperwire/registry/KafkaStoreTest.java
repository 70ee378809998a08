package io.paperwire.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Store failures become Confluent's 50001, with mock clients (the broker paths are covered by the HTTP tests). */
class KafkaStoreTest {

    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");

    /** A store whose reader is never started; writes need no admin client. */
    private KafkaStore store() {
        return new KafkaStore("_schemas_unit", null, producer, consumer, (key, value) -> { }, Duration.ofMillis(300));
    }

    @Test
    void shouldReportAFailedWriteAsAStoreError() {
        producer.sendException = new KafkaException("broker gone");

        assertThatThrownBy(() -> store().write("k", "v"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(50001);
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.getMessage()).contains("_schemas_unit", "broker gone");
                });
    }

    @Test
    void shouldReportAWriteThatIsNotReadBackInTimeAsAStoreError() {
        assertThatThrownBy(() -> store().write("k", "v"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(50001);
                    assertThat(e.getMessage()).contains("was not read back within 300 ms");
                });
        assertThat(producer.history()).hasSize(1);
    }
}
