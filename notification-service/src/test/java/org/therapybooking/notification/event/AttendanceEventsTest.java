package org.therapybooking.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

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

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The attendance events through the real broker into the real SMTP server, on the test clock: booking.client_waiting
 * sends the therapist one "your client is waiting" email with the host's join link, in the therapist's zone;
 * booking.completed and booking.no_show end what is pending about attending the session and send nothing.
 */
@QuarkusTest
class AttendanceEventsTest extends NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CLIENT_LINK = "https://api.therapy-booking.example/j/" + "c".repeat(67);
    private static final String HOST_LINK = "https://api.therapy-booking.example/j/" + "h".repeat(67);

    @Inject
    NotificationDispatcher dispatcher;

    @Test
    void aWaitingClientBringsTheTherapistOneEmailWithTheHostLinkInTheTherapistsZone() {
        String client = "zoe.1201@example.org";
        String host = "dr.smith.1201@practice.example.org";
        Booking booking = Booking.of(1201, "2026-12-10T15:00:00Z",
                TestEvents.client("Zoë", "O'Brien & Co", client, "America/New_York"), TestEvents.host(host));
        Kafka.publish(withLinks(TestEvents.created(booking)));
        Eventually.until("meeting-info", WAIT, () -> Mailbox.to(client).size() == 1 && Mailbox.to(host).size() == 1);

        // six minutes into the session; the client came a minute early
        clock.set("2026-12-10T15:06:00Z");
        ObjectNode waiting = withLinks(TestEvents.clientWaiting(booking, Instant.parse("2026-12-10T14:59:00Z")));
        Kafka.publish(waiting);
        Kafka.publish(waiting); // redelivered: same event_id
        Eventually.until("the alert", WAIT, () -> alerts(host).size() == 1);
        Kafka.publish(waiting); // and once more after it went out
        ObjectNode again = withLinks(TestEvents.clientWaiting(booking, Instant.parse("2026-12-10T14:59:00Z")));
        Kafka.publish(again); // another event id: still one alert per booking
        Eventually.until("all copies consumed", WAIT, () -> Db.applied(waiting) && Db.applied(again));
        dispatcher.dispatchOnce();

        List<Email> alerts = alerts(host);
        assertEquals(1, alerts.size());
        Email alert = alerts.get(0);
        // 15:00Z is 16:00 in Berlin (CET), the client joined at 15:59 there
        assertEquals("Zoë O'Brien & Co is waiting for you: your session started at 16:00 UTC+01:00", alert.subject());
        assertTrue(alert.text().contains("joined the video session at 15:59 and is waiting for you"), alert.text());
        assertTrue(alert.text().contains(HOST_LINK), alert.text());
        assertTrue(alert.html().contains("href=\"" + HOST_LINK + "\""), alert.html());
        assertTrue(alert.html().contains("Zoë O&#39;Brien &amp; Co joined"), alert.html());
        assertFalse(alert.text().contains(CLIENT_LINK), "never the client's link");
        assertFalse(alert.html().contains("Need to cancel or reschedule?"), "nothing to manage in an alert");
        assertNull(alert.ics(), "an alert changes nothing in a calendar");
        assertFalse(alert.html().contains(".ics"), alert.html());
        assertEquals(1, Db.count("SELECT count(*) FROM notification WHERE booking_id = 1201 AND kind = 'client_waiting'"
                + " AND recipient_role = 'host' AND status = 'sent'"));
        assertTrue(Mailbox.to(client).stream().noneMatch(m -> m.subject().contains("waiting")), "the client is not told");
    }

    @Test
    void aCompletedSessionEndsWhatIsPendingSendsNothingAndTakesNoLateAlert() {
        String client = "cora.1202@example.org";
        String host = "dr.smith.1202@practice.example.org";
        Booking booking = Booking.of(1202, "2026-12-10T15:00:00Z",
                TestEvents.client("Cora", "Came", client, "Europe/Berlin"), TestEvents.host(host));
        Kafka.publish(withLinks(TestEvents.created(booking)));
        Eventually.until("meeting-info", WAIT, () -> Mailbox.to(client).size() == 1 && Mailbox.to(host).size() == 1);
        assertTrue(Db.count("SELECT count(*) FROM notification WHERE booking_id = 1202 AND status = 'pending'") > 0,
                "reminders are pending");

        ObjectNode completed = withLinks(TestEvents.completed(booking, Instant.parse("2026-12-10T14:58:00Z")));
        Kafka.publish(completed);
        // an alert that comes after the outcome (it cannot from booking-service, which stops at the outcome)
        ObjectNode late = withLinks(TestEvents.clientWaiting(booking, Instant.parse("2026-12-10T14:58:00Z")));
        Kafka.publish(late);
        Eventually.until("both consumed", WAIT, () -> Db.applied(completed) && Db.applied(late));
        dispatcher.dispatchOnce();

        assertEquals(1, Db.count("SELECT count(*) FROM booking WHERE booking_id = 1202 AND status = 'completed'"));
        assertEquals(0, Db.count("SELECT count(*) FROM notification WHERE booking_id = 1202 AND status = 'pending'"));
        assertTrue(Db.count("SELECT count(*) FROM notification WHERE booking_id = 1202 AND kind = 'reminder'"
                + " AND status = 'cancelled' AND last_error = 'session over (completed)'") > 0);
        assertEquals(0, Db.count("SELECT count(*) FROM notification WHERE booking_id = 1202 AND kind = 'client_waiting'"));
        assertEquals(1, Mailbox.to(client).size());
        assertEquals(1, Mailbox.to(host).size());
    }

    @Test
    void aNoShowIsRecordedAndSendsNothing() {
        String client = "nora.1203@example.org";
        String host = "dr.smith.1203@practice.example.org";
        Booking booking = Booking.of(1203, "2026-12-10T15:00:00Z",
                TestEvents.client("Nora", "Never", client, "Europe/Berlin"), TestEvents.host(host));
        Kafka.publish(withLinks(TestEvents.created(booking)));
        Eventually.until("meeting-info", WAIT, () -> Mailbox.to(client).size() == 1 && Mailbox.to(host).size() == 1);

        ObjectNode noShow = withLinks(TestEvents.noShow(booking));
        Kafka.publish(noShow);
        Eventually.until("consumed", WAIT, () -> Db.applied(noShow));
        dispatcher.dispatchOnce();

        assertEquals(1, Db.count("SELECT count(*) FROM booking WHERE booking_id = 1203 AND status = 'no_show'"));
        assertEquals(0, Db.count("SELECT count(*) FROM notification WHERE booking_id = 1203 AND status = 'pending'"));
        assertEquals(1, Mailbox.to(client).size());
        assertEquals(1, Mailbox.to(host).size());
        assertTrue(Kafka.deadLetters(Duration.ofSeconds(1)).stream().noneMatch(r -> r.key().equals("1203")),
                "a known event type, not a poison message");
    }

    private static List<Email> alerts(String host) {
        return Mailbox.to(host).stream().filter(m -> m.subject().contains("is waiting for you")).toList();
    }

    private static ObjectNode withLinks(ObjectNode event) {
        ((ObjectNode) event.path("recipient")).put("join_url", CLIENT_LINK);
        ((ObjectNode) event.path("host")).put("join_url", HOST_LINK);
        return event;
    }
}
