package org.therapybooking.booking.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.therapybooking.localstack.KafkaTestResource;

/** Reads {@code booking.events} from the beginning with a real consumer. */
final class KafkaEvents {

    record Event(String key, String value, String eventType, String eventId) {
    }

    private KafkaEvents() {
    }

    /** Every record whose key is in {@code keys}, polling until {@code done} holds, then {@code settle} more. */
    static List<Event> read(java.util.Set<String> keys, Predicate<List<Event>> done, Duration timeout,
            Duration settle) {
        List<Event> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers",
                KafkaTestResource.broker().bootstrapServers(), "group.id", "test-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "enable.auto.commit", "false"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of("booking.events"));
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (keys.contains(record.key())) {
                        events.add(new Event(record.key(), record.value(), header(record, "event_type"),
                                header(record, "event_id")));
                    }
                }
                if (settleUntil == Long.MAX_VALUE && done.test(events)) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return events;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
