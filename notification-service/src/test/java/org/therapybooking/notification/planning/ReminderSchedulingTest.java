package org.therapybooking.notification.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.notification.dispatch.NotificationDispatcher;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.Mailbox.Email;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/**
 * When reminders go out. The test drives time: the scheduled job is paused, the test moves the clock and runs the
 * dispatcher itself, so "nothing is due yet" is an exact answer rather than a wait.
 */
@QuarkusTest
class ReminderSchedulingTest extends NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

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

    /** Runs the dispatcher until nothing is due at the clock's time; returns how many rows it sent or settled. */
    private int dispatchDue() {
        int total = 0;
        int claimed;
        while ((claimed = dispatcher.dispatchOnce()) > 0) {
            total += claimed;
        }
        return total;
    }

    private static void planned(long bookingId, int rows) {
        Eventually.until("booking " + bookingId + " planned", WAIT, () -> Db.notifications(bookingId).size() == rows);
    }

    static List<Email> reminders(String address) {
        return Mailbox.to(address).stream().filter(e -> e.subject().startsWith("Reminder")).toList();
    }

    static Db.Row reminderRow(long bookingId, String offset) {
        return Db.notifications(bookingId).stream()
                .filter(r -> r.kind().equals("reminder") && offset.equals(r.reminderOffset())).findFirst().orElseThrow();
    }

    @Test
    void remindersFireAtTheirOffsetsAndNotBefore() {
        String to = "rita.201@example.org";
        Booking booking = Booking.of(201, "2026-12-01T10:00:00Z", TestEvents.client("Rita", "Roe", to, "Europe/Berlin"),
                TestEvents.host("dr.smith.201@practice.example.org"));
        Kafka.publish(TestEvents.created(booking));
        planned(201, 4);
        assertEquals(2, dispatchDue(), "the two meeting-info emails are due at once");
        assertEquals(1, Mailbox.to(to).size());
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), reminderRow(201, "PT24H").dueAt());
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), reminderRow(201, "PT1H").dueAt());

        clock.set("2026-11-30T09:59:59Z");
        assertEquals(0, dispatchDue(), "one second early: nothing is due");
        assertEquals(0, reminders(to).size());

        clock.set("2026-11-30T10:00:00Z");
        assertEquals(1, dispatchDue());
        assertEquals(1, reminders(to).size());
        Email first = reminders(to).get(0);
        assertTrue(first.subject().contains("starts in 24 hours"), first.subject());
        assertTrue(first.text().contains("Tuesday, 1 December 2026, 11:00 to 11:50 (Central European Standard Time, UTC+01:00, Europe/Berlin)"),
                first.text());
        assertEquals(Instant.parse("2026-11-30T10:00:00Z"), reminderRow(201, "PT24H").sentAt());

        clock.set("2026-12-01T08:59:59Z");
        assertEquals(0, dispatchDue());
        assertEquals(1, reminders(to).size());

        clock.set("2026-12-01T09:00:00Z");
        assertEquals(1, dispatchDue());
        assertEquals(2, reminders(to).size());
        assertTrue(reminders(to).get(1).subject().contains("starts in 1 hour"), reminders(to).get(1).subject());
        assertEquals("sent", reminderRow(201, "PT1H").status());
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), reminderRow(201, "PT1H").sentAt());
        assertEquals(3, Mailbox.to(to).size(), "meeting-info and two reminders, each once");
    }

    @Test
    void reminderWhoseTimeHasPassedWhenBookedIsSkippedNotSentLate() {
        String to = "sam.202@example.org";
        // booked at 08:00 for 10:00 the same day: the 24 h reminder is already in the past
        Booking booking = Booking.of(202, "2026-11-01T10:00:00Z", TestEvents.client("Sam", "Lee", to, "Europe/London"),
                TestEvents.host("dr.smith.202@practice.example.org"));
        Kafka.publish(TestEvents.created(booking));
        planned(202, 4);
        assertEquals(2, dispatchDue(), "the meeting-info emails; the skipped reminder is not due");
        assertEquals(1, Mailbox.to(to).size());

        Db.Row day = reminderRow(202, "PT24H");
        assertEquals("skipped", day.status());
        assertTrue(day.lastError().contains("already passed"), day.lastError());
        assertEquals("pending", reminderRow(202, "PT1H").status());

        clock.set("2026-11-01T09:00:00Z");
        assertEquals(1, dispatchDue());
        clock.set("2026-11-01T10:00:00Z");
        assertEquals(0, dispatchDue(), "the skipped one never goes out, not even late");
        assertEquals(1, reminders(to).size());
        assertTrue(reminders(to).get(0).subject().contains("in 1 hour"));
        assertEquals("skipped", reminderRow(202, "PT24H").status());
    }

    /**
     * Europe/Berlin falls back on 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 local happens twice.
     * booking-service sends the instant (UTC), which settles it; we define "02:30" as the earlier one (CEST,
     * UTC+02:00 = 00:30Z, java.time's default for an overlap) and also check the later one (CET = 01:30Z).
     * Reminders are exact durations before the instant, and emails show the offset that applies.
     */
    @Test
    void daylightSavingFallBackBookingGetsRemindersAtTheRightInstantAndTheRightLocalTime() {
        clock.set("2026-10-20T00:00:00Z");
        String early = "ella.203@example.org";
        String late = "leo.204@example.org";
        Kafka.publish(TestEvents.created(Booking.of(203, "2026-10-25T00:30:00Z",
                TestEvents.client("Ella", "Berg", early, "Europe/Berlin"), TestEvents.host("dr.smith.203@practice.example.org"))));
        Kafka.publish(TestEvents.created(Booking.of(204, "2026-10-25T01:30:00Z",
                TestEvents.client("Leo", "Berg", late, "Europe/Berlin"), TestEvents.host("dr.smith.204@practice.example.org"))));
        planned(203, 4);
        planned(204, 4);
        assertEquals(4, dispatchDue());
        assertEquals(1, Mailbox.to(early).size());
        assertEquals(1, Mailbox.to(late).size());

        String earlyText = Mailbox.to(early).get(0).text();
        // ends 01:20Z, after the change: 02:20 CET
        assertTrue(earlyText.contains("Sunday, 25 October 2026, 02:30 to 02:20 UTC+01:00 (Central European Summer Time, UTC+02:00, Europe/Berlin)"),
                earlyText);
        String lateText = Mailbox.to(late).get(0).text();
        assertTrue(lateText.contains("Sunday, 25 October 2026, 02:30 to 03:20 (Central European Standard Time, UTC+01:00, Europe/Berlin)"),
                lateText);
        assertTrue(Mailbox.to(early).get(0).ics().contains("DTSTART:20261025T003000Z\r\n"));
        assertTrue(Mailbox.to(late).get(0).ics().contains("DTSTART:20261025T013000Z\r\n"));

        assertEquals(Instant.parse("2026-10-24T00:30:00Z"), reminderRow(203, "PT24H").dueAt());
        assertEquals(Instant.parse("2026-10-24T23:30:00Z"), reminderRow(203, "PT1H").dueAt());
        assertEquals(Instant.parse("2026-10-24T01:30:00Z"), reminderRow(204, "PT24H").dueAt());
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), reminderRow(204, "PT1H").dueAt());

        clock.set("2026-10-24T00:29:59Z");
        assertEquals(0, dispatchDue());
        clock.set("2026-10-24T00:30:00Z");
        assertEquals(1, dispatchDue());
        assertEquals(1, reminders(early).size());
        assertEquals(0, reminders(late).size(), "the later booking's is an hour later");
        clock.set("2026-10-24T01:30:00Z");
        assertEquals(1, dispatchDue());
        assertEquals(1, reminders(late).size());

        clock.set("2026-10-24T23:29:59Z");
        assertEquals(0, dispatchDue());
        clock.set("2026-10-24T23:30:00Z");
        assertEquals(1, dispatchDue());
        assertEquals(2, reminders(early).size());
        Email hourBefore = reminders(early).get(1);
        assertTrue(hourBefore.subject().contains("in 1 hour (Sun 25 Oct 2026, 02:30 UTC+02:00)"), hourBefore.subject());
        assertEquals(Instant.parse("2026-10-24T23:30:00Z"), reminderRow(203, "PT1H").sentAt());

        clock.set("2026-10-25T00:30:00Z");
        assertEquals(1, dispatchDue());
        assertEquals(2, reminders(late).size());
        assertTrue(reminders(late).get(1).subject().contains("in 1 hour (Sun 25 Oct 2026, 02:30 UTC+01:00)"),
                reminders(late).get(1).subject());
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), reminderRow(204, "PT1H").sentAt());
    }
}
