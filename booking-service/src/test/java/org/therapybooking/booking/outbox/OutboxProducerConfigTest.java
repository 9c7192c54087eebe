package org.therapybooking.booking.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/** The relay's producer keeps the broker's security settings and never gives up its delivery guarantees. */
class OutboxProducerConfigTest {

    @Test
    void brokerSecuritySettingsReachTheRelayProducer() {
        Map<String, Object> broker = Map.of("bootstrap.servers", "kafka-0:9093,kafka-1:9093",
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/truststore.p12");
        Map<String, Object> props = OutboxPublisher.producerConfig(broker, Duration.ofSeconds(10));
        broker.forEach((key, value) -> assertEquals(value, props.get(key), key));
    }

    @Test
    void deliveryGuaranteesCannotBeConfiguredAway() {
        Map<String, Object> broker = Map.of("bootstrap.servers", "kafka:9092", "group.id", "booking-service", "acks", "1",
                "enable.idempotence", "false", "max.in.flight.requests.per.connection", "50");
        Map<String, Object> props = OutboxPublisher.producerConfig(broker, Duration.ofSeconds(10));
        assertEquals("all", props.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, props.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals(5, props.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION));
        assertEquals(10_000, props.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertEquals(5_000, props.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG));
        assertFalse(props.containsKey("group.id"), "a consumer setting Quarkus adds to the broker map");
    }
}
