package org.therapybooking.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RedeliveryAndDeadLetterTest extends NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void redeliveredEventSendsNothingTwice() {
        String to = "red.401@example.org";
        String host = "dr.smith.401@practice.example.org";
        Booking booking = Booking.of(401, "2026-12-01T10:00:00Z", TestEvents.client("Red", "Delivery", to, "Europe/Berlin"),
                TestEvents.host(host));
        ObjectNode created = TestEvents.created(booking);
        Kafka.publish(created);
        Kafka.publish(created); // at-least-once delivery: the same event (same event_id) again
        Eventually.until("meeting-info", WAIT, () -> Mailbox.to(to).size() == 1 && Mailbox.to(host).size() == 1);
        Kafka.publish(created); // and once more after the emails went out
        Eventually.until("all three copies consumed", WAIT,
                () -> Db.count("SELECT count(*) FROM processed_event WHERE booking_id = 401") == 1
                        && Db.applied(created));
        Eventually.quietFor(Duration.ofMillis(2500));

        assertEquals(1, Mailbox.to(to).size());
        assertEquals(1, Mailbox.to(host).size());
        assertEquals(4, Db.notifications(401).size(), "2 meeting-info + 2 reminders, not planned twice");

        clock.set("2026-11-30T10:00:00Z");
        Eventually.until("24 h reminder", WAIT, () -> Mailbox.to(to).size() == 2);
        Kafka.publish(created);
        Eventually.quietFor(Duration.ofMillis(2500));
        assertEquals(2, Mailbox.to(to).size());
        assertEquals(4, Db.notifications(401).size());
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicWithAReasonAndDoNotBlockThePartition() {
        String key = "402";
        Kafka.publishRaw(key, "{\"event_id\": \"not even json");
        ObjectNode missingFields = TestEvents.created(Booking.of(402, "2026-12-01T10:00:00Z",
                TestEvents.client("P", "M", "pm.402@example.org", "Europe/Berlin"), TestEvents.host("h.402@example.org")));
        missingFields.remove("recipient");
        Kafka.publishRaw(key, missingFields.toString());
        ObjectNode unknownType = TestEvents.created(Booking.of(402, "2026-12-01T10:00:00Z",
                TestEvents.client("P", "M", "pm.402@example.org", "Europe/Berlin"), TestEvents.host("h.402@example.org")));
        unknownType.put("event_type", "booking.teleported");
        Kafka.publishRaw(key, unknownType.toString());

        // then a good event with the same key (same partition, after the poison)
        String to = "good.402@example.org";
        Kafka.publish(TestEvents.created(Booking.of(402, "2026-12-01T10:00:00Z",
                TestEvents.client("Good", "Event", to, "Europe/Berlin"), TestEvents.host("dr.smith.402@practice.example.org"))));
        Eventually.until("the good event's email", WAIT, () -> Mailbox.to(to).size() == 1);

        List<ConsumerRecord<String, String>> dead = Kafka.deadLetters(Duration.ofSeconds(5)).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertEquals(3, dead.size(), "three poison records on the DLQ: " + dead);
        Map<String, String> reasonByValue = dead.stream().collect(Collectors.toMap(ConsumerRecord::value,
                r -> header(r, "dead-letter-reason")));
        assertTrue(reasonByValue.get("{\"event_id\": \"not even json").startsWith("unparseable JSON"), reasonByValue.toString());
        assertTrue(reasonByValue.get(missingFields.toString()).contains("schema-invalid: recipient"), reasonByValue.toString());
        assertTrue(reasonByValue.get(unknownType.toString()).contains("unknown event type booking.teleported"), reasonByValue.toString());
        assertEquals(0, Db.count("SELECT count(*) FROM notification WHERE recipient_email = 'pm.402@example.org'"));
    }

    @Test
    void validEventWaitsForTheDatabaseInsteadOfGoingToTheDeadLetterTopic() {
        String to = "outage.403@example.org";
        String host = "dr.smith.403@practice.example.org";
        ObjectNode created = TestEvents.created(Booking.of(403, "2026-12-01T10:00:00Z",
                TestEvents.client("Otto", "Outage", to, "Europe/Berlin"), TestEvents.host(host)));
        // the database "goes away" for the consumer for 6 s, longer than any short bounded retry would wait:
        // a valid event must wait for it, not be dead-lettered
        Db.execute("ALTER TABLE processed_event RENAME TO processed_event_away");
        try {
            Kafka.publish(created);
            Eventually.quietFor(Duration.ofSeconds(6));
            assertEquals(0, Mailbox.to(to).size(), "nothing can be applied while the table is away");
        } finally {
            Db.execute("ALTER TABLE processed_event_away RENAME TO processed_event");
        }

        Eventually.until("meeting-info once the database is back", WAIT,
                () -> Mailbox.to(to).size() == 1 && Mailbox.to(host).size() == 1);
        Eventually.quietFor(Duration.ofMillis(2500));
        assertEquals(1, Mailbox.to(to).size());
        assertEquals(1, Mailbox.to(host).size());
        assertEquals(1, Db.count("SELECT count(*) FROM processed_event WHERE booking_id = 403"));
        List<ConsumerRecord<String, String>> dead = Kafka.deadLetters(Duration.ofSeconds(5)).stream()
                .filter(r -> "403".equals(r.key())).toList();
        assertEquals(0, dead.size(), "a valid event is never dead-lettered: " + dead);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
