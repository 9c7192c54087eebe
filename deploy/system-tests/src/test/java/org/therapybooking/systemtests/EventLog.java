package org.therapybooking.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads booking.events from the start with a fresh consumer group, for the whole run. */
final class EventLog implements AutoCloseable {
    record Created(long bookingId, String eventId, String recipientEmail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    /** booking id → booking.created records seen (a relay re-send shows as two records with one event id) */
    private final Map<Long, List<Created>> created = new ConcurrentHashMap<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger redelivered = new AtomicInteger();
    private volatile boolean closed;

    EventLog(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of("booking.events"));
        thread = new Thread(this::loop, "system-tests-events");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (!closed) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    accept(record.value());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void accept(String value) {
        try {
            JsonNode event = JSON.readTree(value);
            if (!"booking.created".equals(event.path("event_type").asText())) {
                return;
            }
            String eventId = event.path("event_id").asText();
            if (!eventIds.add(eventId)) {
                redelivered.incrementAndGet();
            }
            long bookingId = event.path("booking_id").asLong();
            created.computeIfAbsent(bookingId, id -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(new Created(bookingId, eventId, event.path("recipient").path("email").asText()));
        } catch (Exception e) {
            // not ours to judge: notification-service dead-letters unparseable records
        }
    }

    /** booking.created records of one booking (0 = lost so far). */
    List<Created> created(long bookingId) {
        return created.getOrDefault(bookingId, List.of());
    }

    /** Bookings created for these clients, whatever their HTTP answer was (finds commits behind a failed answer). */
    Set<Long> bookingsOf(Set<String> clientEmails) {
        Set<Long> ids = new java.util.TreeSet<>();
        created.forEach((id, events) -> {
            if (events.stream().anyMatch(e -> clientEmails.contains(e.recipientEmail()))) {
                ids.add(id);
            }
        });
        return ids;
    }

    int redelivered() {
        return redelivered.get();
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
