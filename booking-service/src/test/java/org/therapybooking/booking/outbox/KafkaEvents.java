package org.therapybooking.booking.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.therapybooking.booking.support.Db;
import org.therapybooking.localstack.KafkaTestResource;

/** Reads {@code booking.events} (or {@code account.events}) from the beginning with a real consumer. */
public final class KafkaEvents {

    /** {@code traceparent}: the header, null when the event was written outside a trace. */
    public record Event(String key, String value, String eventType, String eventId, String traceparent) {
    }

    private KafkaEvents() {
    }

    /**
     * Every record whose key is in {@code keys} among all records the topic holds now (up to its end offsets at
     * the call): once the relay marked the events sent, nothing later can add a duplicate, so no waiting is needed
     * to show there is none.
     */
    public static List<Event> readToEnd(Set<String> keys) {
        return readToEnd("booking.events", keys);
    }

    /** As {@link #readToEnd(Set)}, from {@code topic}. */
    public static List<Event> readToEnd(String topic, Set<String> keys) {
        List<Event> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers",
                KafkaTestResource.broker().bootstrapServers(), "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && keys.contains(record.key())) {
                        events.add(new Event(record.key(), record.value(), header(record, "event_type"),
                                header(record, "event_id"), header(record, "traceparent")));
                    }
                }
            }
        }
        return events;
    }

    /** Waits until every outbox row of these bookings is marked sent (acknowledged by the broker). */
    public static void awaitSent(Set<String> bookingIds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        for (String booking : bookingIds) {
            while (Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? "
                    + "and sent_at is null", Long.parseLong(booking)) > 0) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("events of booking " + booking + " were not sent");
                }
                Thread.sleep(100);
            }
        }
    }

    /** Waits until every outbox row of these accounts is marked sent (acknowledged by the broker). */
    public static void awaitAccountEventsSent(long userId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (Db.count("select count(*) from outbox_event where aggregate_type = 'account' and aggregate_id = ? "
                + "and sent_at is null", userId) > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("account events of user " + userId + " were not sent");
            }
            Thread.sleep(100);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
