package org.therapybooking.notification.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.testing.MeetingLinkStub;
import org.therapybooking.notification.dispatch.NotificationDispatcher;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.Mailbox.Email;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RescheduleAndCancelTest extends NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    NotificationDispatcher dispatcher;

    @Test
    void rescheduleMovesRemindersAndSendsAnUpdatedInvite() {
        String to = "ria.301@example.org";
        String host = "dr.smith.301@practice.example.org";
        Booking original = Booking.of(301, "2026-12-10T10:00:00Z", TestEvents.client("Ria", "Moss", to, "Europe/Berlin"),
                TestEvents.host(host));
        Kafka.publish(TestEvents.created(original));
        Eventually.until("meeting-info", WAIT, () -> Mailbox.to(to).size() == 1 && Mailbox.to(host).size() == 1);
        long dayReminderId = ReminderSchedulingTest.reminderRow(301, "PT24H").id();

        Booking moved = original.rescheduledTo("2026-12-12T15:00:00Z");
        Kafka.publish(TestEvents.rescheduled(original, moved));
        Eventually.until("updated meeting-info", WAIT, () -> Mailbox.to(to).size() == 2 && Mailbox.to(host).size() == 2);

        Email update = Mailbox.to(to).get(1);
        assertTrue(update.subject().startsWith("Updated: your therapy session is now on Sat 12 Dec 2026, 16:00"), update.subject());
        assertTrue(update.text().contains("has been moved"), update.text());
        assertTrue(update.text().contains(MeetingLinkStub.expectedUrl(moved.room(), "client", "Ria", "Moss")), "link to the new room");
        assertTrue(update.ics().contains("UID:booking-301@therapy-booking\r\n"), "same calendar entry");
        assertTrue(update.ics().contains("SEQUENCE:1\r\n"), "raised sequence");
        assertTrue(update.ics().contains("DTSTART:20261212T150000Z\r\n"));
        assertTrue(update.ics().contains("METHOD:REQUEST\r\n"));
        assertTrue(Mailbox.to(host).get(1).ics().contains("SEQUENCE:1\r\n"));

        Db.Row day = ReminderSchedulingTest.reminderRow(301, "PT24H");
        assertEquals(dayReminderId, day.id(), "the pending reminder moved (same row)");
        assertEquals(Instant.parse("2026-12-11T15:00:00Z"), day.dueAt());
        assertEquals(Instant.parse("2026-12-12T14:00:00Z"), ReminderSchedulingTest.reminderRow(301, "PT1H").dueAt());
        assertEquals("pending", day.status());
        assertEquals(2, Db.notifications(301).stream().filter(r -> r.kind().equals("reminder")).count());

        clock.set("2026-12-09T10:00:00Z"); // the old 24 h time
        assertEquals(0, dispatcher.dispatchOnce(), "nothing is due at the old time");
        assertEquals(0, Db.count("SELECT count(*) FROM notification WHERE booking_id = 301 AND kind = 'reminder'"
                + " AND status <> 'pending'"), "no reminder was taken by the scheduled job either");
        assertEquals(0, ReminderSchedulingTest.reminders(to).size());

        clock.set("2026-12-11T15:00:00Z");
        Eventually.until("24 h reminder at the new time", WAIT, () -> ReminderSchedulingTest.reminders(to).size() == 1);
        assertTrue(ReminderSchedulingTest.reminders(to).get(0).text().contains("Saturday, 12 December 2026, 16:00"));
    }

    @Test
    void cancelCancelsRemindersAndSendsACancellation() {
        String to = "cal.302@example.org";
        String host = "dr.smith.302@practice.example.org";
        Booking booking = Booking.of(302, "2026-12-10T10:00:00Z", TestEvents.client("Cal", "Ames", to, "Europe/Berlin"),
                TestEvents.host(host));
        Kafka.publish(TestEvents.created(booking));
        Eventually.until("meeting-info", WAIT, () -> Mailbox.to(to).size() == 1 && Mailbox.to(host).size() == 1);

        Kafka.publish(TestEvents.cancelled(booking.cancelled(), "client"));
        Eventually.until("cancellation to both", WAIT, () -> Mailbox.to(to).size() == 2 && Mailbox.to(host).size() == 2);

        Email cancellation = Mailbox.to(to).get(1);
        assertTrue(cancellation.subject().startsWith("Cancelled: your therapy session on Thu 10 Dec 2026, 11:00"), cancellation.subject());
        assertTrue(cancellation.html().contains("Your session has been cancelled"));
        assertTrue(cancellation.icsContentType().toLowerCase().contains("method=cancel"), cancellation.icsContentType());
        assertTrue(cancellation.ics().contains("METHOD:CANCEL\r\n"));
        assertTrue(cancellation.ics().contains("STATUS:CANCELLED\r\n"));
        assertTrue(cancellation.ics().contains("UID:booking-302@therapy-booking\r\n"));
        assertTrue(cancellation.ics().contains("SEQUENCE:1\r\n"));

        List<Db.Row> reminders = Db.notifications(302).stream().filter(r -> r.kind().equals("reminder")).toList();
        assertEquals(2, reminders.size());
        assertTrue(reminders.stream().allMatch(r -> r.status().equals("cancelled")), reminders.toString());

        clock.set("2026-12-10T09:30:00Z"); // past both reminder times
        assertEquals(0, dispatcher.dispatchOnce(), "a cancelled reminder is never due");
        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 302 AND kind = 'reminder'"
                + " AND status = 'cancelled'"));
        assertEquals(0, ReminderSchedulingTest.reminders(to).size());
        assertEquals(2, Mailbox.to(to).size());
    }
}
