package org.therapybooking.notification.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.notification.dispatch.NotificationDispatcher;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The retention purge on real data made by events and sends: what is finished and older than 90 days goes, what is
 * still to be sent stays whatever its age, and a second run finds nothing.
 */
@QuarkusTest
class RetentionPurgeTest extends NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RetentionPurge purge;
    @Inject
    NotificationDispatcher dispatcher;
    @Inject
    Scheduler scheduler;

    @BeforeEach
    void dispatchOnlyWhenTheTestSaysSo() {
        scheduler.pause(NotificationDispatcher.JOB);
    }

    @AfterEach
    void resumeTheJob() {
        scheduler.resume(NotificationDispatcher.JOB);
    }

    private void dispatchDue() {
        while (dispatcher.dispatchOnce() > 0) {
            // until nothing is due at the clock's time
        }
    }

    private static Booking booking(long id, String start, long clientId) {
        return Booking.of(id, start, new TestEvents.Person(clientId, "Rita", "Roe", "rita." + id + "@example.org",
                "Europe/Berlin"), TestEvents.host("dr." + id + "@practice.example.org"));
    }

    /** account.updated for a person, as of {@code at} (its processed_event row is then as old as the clock). */
    private static ObjectNode profileChange(long userId, String at) {
        return TestEvents.account("account.updated", userId, "Rita", "Roe-Renamed", "rita." + userId + "@example.org",
                "Europe/Berlin", at);
    }

    private static long rows(String table, String where) {
        return Db.count("SELECT count(*) FROM " + table + " WHERE " + where);
    }

    @Test
    void finishedOldRowsGoAndWhatIsStillToBeSentStays() {
        // August: a session that took place (all its emails sent), and one far ahead (reminders pending)
        clock.set("2026-08-01T08:00:00Z");
        Booking past = booking(9101, "2026-08-02T10:00:00Z", 9191);
        Booking farAhead = booking(9103, "2027-01-05T10:00:00Z", 9193);
        ObjectNode pastCreated = TestEvents.created(past);
        ObjectNode farCreated = TestEvents.created(farAhead);
        Kafka.publish(pastCreated);
        Kafka.publish(farCreated);
        Eventually.until("both applied", WAIT, () -> Db.applied(pastCreated) && Db.applied(farCreated));
        dispatchDue();
        clock.set("2026-08-02T09:30:00Z");
        dispatchDue();
        assertEquals(0, rows("notification", "booking_id = 9101 AND status NOT IN ('sent', 'skipped')"));
        long pastRows = rows("notification", "booking_id = 9101");
        ObjectNode pastProfile = profileChange(9191, "2026-08-01T08:00:00Z");
        ObjectNode recentProfile = profileChange(9192, "2026-08-01T08:00:00Z");
        Kafka.publishAccount(pastProfile);
        Kafka.publishAccount(recentProfile);
        Eventually.until("profiles applied", WAIT, () -> Db.applied(pastProfile) && Db.applied(recentProfile));

        // December: a booking made now
        clock.set("2026-12-10T10:00:00Z");
        Booking recent = booking(9102, "2026-12-20T10:00:00Z", 9192);
        ObjectNode recentCreated = TestEvents.created(recent);
        Kafka.publish(recentCreated);
        Eventually.until("applied", WAIT, () -> Db.applied(recentCreated));
        dispatchDue();
        long recentRows = rows("notification", "booking_id = 9102");
        long farRows = rows("notification", "booking_id = 9103 AND status = 'pending'");
        long farSent = rows("notification", "booking_id = 9103 AND status = 'sent'");

        RetentionPurge.Purged purged = purge.purge();
        assertEquals(rows("notification", "booking_id = 9101"), 0, "every email of the past session is gone");
        assertEquals(0, rows("booking", "booking_id = 9101"), "and its snapshot");
        assertEquals(0, rows("processed_event", "event_id = '" + pastCreated.path("event_id").asText() + "'"));
        assertEquals(0, rows("processed_event", "event_id = '" + farCreated.path("event_id").asText() + "'"));
        assertEquals(farRows, rows("notification", "booking_id = 9103 AND status = 'pending'"),
                "reminders still to send stay, however old the row");
        assertEquals(0, rows("notification", "booking_id = 9103 AND status = 'sent'"), "its sent meeting-info goes");
        assertEquals(1, rows("booking", "booking_id = 9103"), "its snapshot stays: reminders need it");
        assertEquals(recentRows, rows("notification", "booking_id = 9102"));
        assertEquals(1, rows("processed_event", "event_id = '" + recentCreated.path("event_id").asText() + "'"));
        assertEquals(0, rows("person", "user_id = 9191"), "nobody's snapshot refers to the past client any more");
        assertEquals(1, rows("person", "user_id = 9192"));
        // four event ids applied in August: both bookings and both profile changes
        assertEquals(new RetentionPurge.Purged(pastRows + farSent, 4, 1, 1), purged);

        assertEquals(new RetentionPurge.Purged(0, 0, 0, 0), purge.purge(), "a second run finds nothing");
    }
}
