package org.therapybooking.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code notifications.meeting-info-trigger=paid} and the host left out, the email waits for payment. The
 * dispatch poll is an hour apart in this profile: every email here goes out through the wake-up after the event's
 * commit, which shows that a meeting-info does not wait for the poll.
 */
@QuarkusTest
@TestProfile(PaidTriggerTest.PaidTrigger.class)
class PaidTriggerTest extends NotificationIT {

    public static class PaidTrigger implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notifications.meeting-info-trigger", "paid",
                    "notifications.host.meeting-info", "false",
                    "notifications.reminder-offsets", "PT2H",
                    "notifications.dispatch.every", "1h",
                    "notifications.dispatch.initial-delay", "1h");
        }
    }

    @Test
    void meetingInfoAndRemindersArePlannedOnPaymentNotOnBooking() {
        String to = "pay.801@example.org";
        String host = "dr.smith.801@practice.example.org";
        Booking booking = Booking.of(801, "2026-12-01T10:00:00Z", TestEvents.client("Pia", "Paid", to, "Europe/Berlin"),
                TestEvents.host(host));
        var created = TestEvents.created(booking);
        Kafka.publish(created);
        // planning happens in the event's transaction: once it is applied, no row means no email, ever
        Eventually.until("created applied", Duration.ofSeconds(60), () -> Db.applied(created));
        assertEquals(0, Mailbox.to(to).size(), "not paid yet");
        assertEquals(0, Db.notifications(801).size());

        Kafka.publish(TestEvents.paid(booking));
        Eventually.until("meeting-info after payment", Duration.ofSeconds(30), () -> Mailbox.to(to).size() == 1);
        assertEquals(List.of("client"), Db.notifications(801).stream().filter(r -> r.kind().equals("meeting_info"))
                .map(Db.Row::recipientRole).toList(), "host meeting-info switched off: no row for the host");
        assertEquals(0, Mailbox.to(host).size());
        var reminders = Db.notifications(801).stream().filter(r -> r.kind().equals("reminder")).toList();
        assertEquals(1, reminders.size());
        assertEquals("PT2H", reminders.get(0).reminderOffset());
        assertTrue(reminders.get(0).status().equals("pending"));
    }

    @Test
    void aReminderDueInSecondsGoesOutAtItsTimeWithoutThePoll() {
        String to = "soon.803@example.org";
        Booking booking = Booking.of(803, "2026-12-02T10:00:00Z", TestEvents.client("Sam", "Soon", to, "Europe/Berlin"),
                TestEvents.host("dr.smith.803@practice.example.org"));
        // the clock runs from 3 s before the PT2H reminder is due; the poll is an hour away
        Instant due = Instant.parse("2026-12-02T08:00:00Z");
        clock.advanceTo(due.minusSeconds(3));
        Kafka.publish(TestEvents.paid(booking));
        Eventually.until("meeting-info and then the reminder", Duration.ofSeconds(30), () -> Mailbox.to(to).size() == 2);
        Db.Row reminder = Db.notifications(803).stream().filter(r -> r.kind().equals("reminder")).findFirst()
                .orElseThrow();
        assertEquals("sent", reminder.status());
        assertEquals(due, reminder.dueAt());
        assertTrue(!reminder.sentAt().isBefore(due), "not before its time: " + reminder.sentAt());
        assertTrue(Mailbox.to(to).get(1).subject().startsWith("Reminder:"), Mailbox.to(to).get(1).subject());
    }

    @Test
    void paymentOfABookingThatIsAlreadyCancelledPlansNothing() {
        String to = "late.802@example.org";
        String host = "dr.smith.802@practice.example.org";
        Booking booking = Booking.of(802, "2026-12-01T10:00:00Z", TestEvents.client("Lara", "Late", to, "Europe/Berlin"),
                TestEvents.host(host));
        Kafka.publish(TestEvents.created(booking));
        Kafka.publish(TestEvents.cancelled(booking.cancelled(), "client"));
        // the payment confirmation arrives after the cancel: once as booking-service describes the booking now
        // (cancelled), once with a stale "scheduled" status (the stored snapshot must win)
        var paidCancelled = TestEvents.paid(booking.cancelled(), "cancelled");
        var paidStale = TestEvents.paid(booking.cancelled(), "scheduled");
        Kafka.publish(paidCancelled);
        Kafka.publish(paidStale);
        Eventually.until("all four events applied", Duration.ofSeconds(60),
                () -> Db.count("SELECT count(*) FROM processed_event WHERE booking_id = 802") == 4);

        assertEquals(0, Db.notifications(802).size(), "no meeting-info, reminder or cancellation planned");
        assertEquals(0, Mailbox.to(to).size());
        assertEquals(0, Mailbox.to(host).size());
        assertEquals(1, Db.count("SELECT count(*) FROM booking WHERE booking_id = 802 AND status = 'cancelled'"));
    }

    @Test
    void paymentEventThatSaysCancelledPlansNothingEvenForANewBooking() {
        String to = "first.803@example.org";
        Booking booking = Booking.of(803, "2026-12-01T10:00:00Z", TestEvents.client("Fay", "First", to, "Europe/Berlin"),
                TestEvents.host("dr.smith.803@practice.example.org"));
        var paid = TestEvents.paid(booking.cancelled(), "cancelled"); // created and cancel never seen here
        Kafka.publish(paid);
        Eventually.until("paid applied", Duration.ofSeconds(60), () -> Db.applied(paid));
        assertEquals(0, Db.notifications(803).size());
        assertEquals(0, Mailbox.to(to).size());
    }
}
