package org.therapybooking.notification.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import org.therapybooking.localstack.EventContract;

/** Publishes to and reads from the real test broker, the way booking-service's outbox relay does. */
public final class Kafka {
    public static final String TOPIC = "booking.events";
    public static final String DLQ = "booking.events.dlq";
    public static final String ACCOUNT_TOPIC = "account.events";
    public static final String ACCOUNT_DLQ = "account.events.dlq";
    private static KafkaProducer<String, String> producer;

    private Kafka() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    /** Validates the event against docs/events first (contract), then publishes it with the documented headers. */
    public static void publish(JsonNode event) {
        publish(event, null);
    }

    /** As {@link #publish(JsonNode)}, with a {@code traceparent} header as the outbox relay adds (none when null). */
    public static void publish(JsonNode event, String traceparent) {
        EventContract.requireValid(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, event.path("booking_id").asText(), event.toString());
        record.headers().add("event_type", event.path("event_type").asText().getBytes());
        record.headers().add("event_id", event.path("event_id").asText().getBytes());
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes());
        }
        send(record);
    }

    /** Validates an account event against docs/events, then publishes it on account.events, keyed by the user id. */
    public static void publishAccount(JsonNode event) {
        EventContract.requireValid(event);
        ProducerRecord<String, String> record = new ProducerRecord<>(ACCOUNT_TOPIC, event.path("user_id").asText(),
                event.toString());
        record.headers().add("event_type", event.path("event_type").asText().getBytes());
        record.headers().add("event_id", event.path("event_id").asText().getBytes());
        send(record);
    }

    /** Publishes a raw value on account.events (a poison record). */
    public static void publishAccountRaw(String key, String value) {
        send(new ProducerRecord<>(ACCOUNT_TOPIC, key, value));
    }

    /** Publishes a raw value (a poison record, not a contract event). */
    public static void publishRaw(String key, String value) {
        send(new ProducerRecord<>(TOPIC, key, value));
    }

    private static void send(ProducerRecord<String, String> record) {
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    /** Every record on the dead-letter topic so far. */
    public static List<ConsumerRecord<String, String>> deadLetters(Duration wait) {
        return deadLetters(DLQ, wait);
    }

    /** Every record on this dead-letter topic so far. */
    public static List<ConsumerRecord<String, String>> deadLetters(String topic, Duration wait) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long end = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }
}
