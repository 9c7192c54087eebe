package org.therapybooking.notification.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.testing.MeetingLinkStub;
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

@QuarkusTest
class MeetingInfoEmailTest extends NotificationIT {

    @Test
    void bookingCreatedSendsMeetingInfoWithPersonalLinkLocalTimeAndCalendarInvite() {
        Booking booking = Booking.of(101, "2026-12-01T10:00:00Z",
                TestEvents.client("Zoë", "O'Brien", "zoe.101@example.org", "America/New_York"),
                TestEvents.host("dr.smith.101@practice.example.org"));
        Kafka.publish(TestEvents.created(booking));

        Eventually.until("meeting-info to client and host", Duration.ofSeconds(30),
                () -> Mailbox.to("zoe.101@example.org").size() == 1 && Mailbox.to("dr.smith.101@practice.example.org").size() == 1);

        Email client = Mailbox.to("zoe.101@example.org").get(0);
        String clientLink = MeetingLinkStub.expectedUrl(booking.room(), "client", "Zoë", "O'Brien");
        assertTrue(client.text().contains(clientLink), "text part has the client's personalized link:\n" + client.text());
        assertTrue(client.html().contains("href=\"" + clientLink.replace("&", "&amp;").replace("'", "&#39;") + "\""),
                "html part links to it (attribute-escaped):\n" + client.html());
        // 10:00Z is 05:00 in New York (EST, UTC-05:00)
        assertTrue(client.text().contains("Tuesday, 1 December 2026, 05:00 to 05:50 (Eastern Standard Time, UTC-05:00, America/New_York)"),
                client.text());
        assertTrue(client.subject().contains("Tue 1 Dec 2026, 05:00 UTC-05:00"), client.subject());
        assertTrue(client.text().contains("https://booking.therapy-booking.example/bookings/101"), "cancel/reschedule hint");
        assertTrue(client.html().contains("Need to cancel or reschedule?"));

        assertNotNull(client.ics(), "calendar attachment");
        assertTrue(client.icsContentType().toLowerCase().contains("method=request"), client.icsContentType());
        assertTrue(client.ics().contains("METHOD:REQUEST\r\n"));
        assertTrue(client.ics().contains("UID:booking-101@therapy-booking\r\n"));
        assertTrue(client.ics().contains("SEQUENCE:0\r\n"));
        assertTrue(client.ics().contains("DTSTART:20261201T100000Z\r\n"));
        assertTrue(client.ics().contains("DTEND:20261201T105000Z\r\n"));
        assertTrue(client.ics().contains("STATUS:CONFIRMED\r\n"));

        // the host gets their own link (role host) and their own local time (Berlin: CET, UTC+01:00)
        Email host = Mailbox.to("dr.smith.101@practice.example.org").get(0);
        assertTrue(host.text().contains(MeetingLinkStub.expectedUrl(booking.room(), "host", "Dana", "Smith")), host.text());
        assertTrue(host.text().contains("11:00 to 11:50 (Central European Standard Time, UTC+01:00, Europe/Berlin)"), host.text());
        assertTrue(host.subject().contains("with Zoë O'Brien"), host.subject());
        // meeting-link-service gets what booking-service sends it too: id and names, never the e-mail address
        assertTrue(MeetingLinkStub.requests().stream().allMatch(r -> r.path("participant").path("email").isMissingNode()
                || r.path("participant").path("email").isNull()), MeetingLinkStub.requests().toString());
        assertTrue(MeetingLinkStub.requests().stream().anyMatch(r -> r.path("role").asText().equals("host")
                && r.path("participant").path("first_name").asText().equals("Dana")
                && r.path("participant").path("last_name").asText().equals("Smith")
                && !r.path("participant").path("id").asText().isEmpty()
                && r.path("room").asText().equals(booking.room())
                && r.path("session").path("starts_at").asText().equals("2026-12-01T10:00:00Z")
                && r.path("session").path("duration").asInt() == 50));

        List<Db.Row> rows = Db.notifications(101);
        assertEquals(2, rows.stream().filter(r -> r.kind().equals("meeting_info") && r.status().equals("sent")).count());
        assertEquals(2, rows.stream().filter(r -> r.kind().equals("reminder") && r.status().equals("pending")).count(),
                "client reminders at 24 h and 1 h: " + rows);
    }

    @Test
    void joinLinksFromTheEventGoInTheEmailsAndCalendarWithoutAskingMeetingLinkService() {
        Booking booking = Booking.of(105, "2026-12-01T10:00:00Z",
                TestEvents.client("Zoë", "O'Brien", "zoe.105@example.org", "Europe/Berlin"),
                TestEvents.host("dr.smith.105@practice.example.org"));
        String clientJoin = "https://api.therapy-booking.example/j/" + "c".repeat(67);
        String hostJoin = "https://api.therapy-booking.example/j/" + "h".repeat(67);
        ObjectNode event = TestEvents.created(booking);
        // until when the client may act themselves: 2 hours' notice to move, until the start to cancel
        ((ObjectNode) event.path("booking")).put("reschedulable_until", "2026-12-01T08:00:00Z")
                .put("cancellable_until", "2026-12-01T10:00:00Z");
        ((ObjectNode) event.path("recipient")).put("join_url", clientJoin);
        ((ObjectNode) event.path("host")).put("join_url", hostJoin);
        Kafka.publish(event);

        Eventually.until("meeting-info to client and host", Duration.ofSeconds(30),
                () -> Mailbox.to("zoe.105@example.org").size() == 1 && Mailbox.to("dr.smith.105@practice.example.org").size() == 1);
        Email client = Mailbox.to("zoe.105@example.org").get(0);
        assertTrue(client.text().contains(clientJoin), client.text());
        assertTrue(client.html().contains("href=\"" + clientJoin + "\""), client.html());
        assertTrue(client.ics().replace("\r\n ", "").contains("URL:" + clientJoin + "\r\n"), client.ics());
        assertFalse(client.text().contains(hostJoin), "never the other side's link");
        // the deadlines in the client's zone (Berlin: 09:00 and 11:00 CET); the booking page behind the join link
        String deadlines = "You can move this session until Tuesday, 1 December 2026, 09:00 and cancel it until "
                + "Tuesday, 1 December 2026, 11:00 (Central European Standard Time, Europe/Berlin).";
        assertTrue(client.text().contains(deadlines), client.text());
        assertTrue(client.html().contains(deadlines), client.html());
        assertTrue(client.text().contains(clientJoin + "/booking"), client.text());
        assertTrue(client.html().contains("href=\"" + clientJoin + "/booking\""), client.html());
        assertTrue(client.html().contains("src=\"http://localhost:8080/static/logo.png\""), client.html());
        assertFalse(client.text().contains(MeetingLinkStub.JITSI_BASE), "no meeting URL that never expires");
        Email host = Mailbox.to("dr.smith.105@practice.example.org").get(0);
        assertTrue(host.text().contains(hostJoin), host.text());
        assertFalse(host.text().contains("You can move this session"), "the client's deadlines are not the host's");
        assertFalse(host.text().contains(clientJoin));
        assertTrue(MeetingLinkStub.requests().stream().noneMatch(r -> r.path("room").asText().equals(booking.room())),
                "meeting-link-service was not asked for this booking");
    }

    @Test
    void markupInNamesStaysText() {
        Booking booking = Booking.of(102, "2026-12-02T10:00:00Z",
                TestEvents.client("<script>alert(1)</script>", "Ann & \"Co\"", "ann.102@example.org", "Europe/Berlin"),
                TestEvents.host("dr.smith.102@practice.example.org"));
        Kafka.publish(TestEvents.created(booking));

        Eventually.until("meeting-info to the host", Duration.ofSeconds(30),
                () -> Mailbox.to("dr.smith.102@practice.example.org").size() == 1 && Mailbox.to("ann.102@example.org").size() == 1);
        assertTrue(Mailbox.to("dr.smith.102@practice.example.org").get(0).subject()
                .contains("with <script>alert(1)</script> Ann & \"Co\""), "the subject is plain text, not HTML");
        for (Email email : List.of(Mailbox.to("dr.smith.102@practice.example.org").get(0), Mailbox.to("ann.102@example.org").get(0))) {
            assertFalse(email.html().contains("<script>"), "no live script element:\n" + email.html());
            assertTrue(email.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), email.html());
            assertTrue(email.html().contains("Ann &amp; &quot;Co&quot;"), email.html());
        }
    }

    @Test
    void emojiAndRightToLeftNamesSurviveInTheSubject() {
        Booking booking = Booking.of(104, "2026-12-04T10:00:00Z",
                TestEvents.client("Zoë 😀👩‍👩‍👧‍👦", "O'Brien-שלום", "zoe.104@example.org", "Europe/Berlin"),
                TestEvents.host("dr.smith.104@practice.example.org"));
        Kafka.publish(TestEvents.created(booking));
        Eventually.until("meeting-info to the host", Duration.ofSeconds(30),
                () -> Mailbox.to("dr.smith.104@practice.example.org").size() == 1);
        String subject = Mailbox.to("dr.smith.104@practice.example.org").get(0).subject();
        assertTrue(subject.contains("with Zoë 😀👩‍👩‍👧‍👦 O'Brien-שלום on "), subject);
    }

    @Test
    void htmlLayoutIsAccessible() {
        Booking booking = Booking.of(103, "2026-12-03T10:00:00Z",
                TestEvents.client("Mia", "Kim", "mia.103@example.org", "Asia/Kolkata"), TestEvents.host("dr.smith.103@practice.example.org"));
        Kafka.publish(TestEvents.created(booking));
        Eventually.until("meeting-info", Duration.ofSeconds(30), () -> Mailbox.to("mia.103@example.org").size() == 1);

        String html = Mailbox.to("mia.103@example.org").get(0).html();
        assertTrue(html.contains("<html lang=\"en\">"), "language declared");
        assertTrue(html.contains("<h1"), "a top heading");
        assertTrue(html.contains("<main"), "a main landmark");
        assertFalse(html.matches("(?s).*<img(?![^>]*\\balt=\")[^>]*>.*"), "every image has alt text");
        assertTrue(html.contains(">Join the video session on Jitsi Meet</a>"), "link text says where it goes");
        assertFalse(html.toLowerCase().contains(">click here<"));
        // Kolkata has a half-hour offset: 10:00Z is 15:30 IST
        assertTrue(html.contains("15:30 to 16:20 (India Standard Time, UTC+05:30, Asia/Kolkata)"), html);
    }
}
