package org.therapybooking.notification.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.GreenMailTestResource;
import org.therapybooking.localstack.testing.MeetingLinkStub;
import org.therapybooking.notification.dispatch.NotificationMetrics;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** SMTP and meeting-link-service outages: retried with backoff, everything delivered once when they are back. */
@QuarkusTest
class OutageRecoveryTest extends NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @Inject
    MeterRegistry registry;

    private double retried(String cause) {
        var counter = registry.find(NotificationMetrics.RETRIED).tag("cause", cause).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void smtpDownThenUpDeliversEverythingExactlyOnce() {
        double retriedBefore = retried("smtp");
        GreenMailTestResource.stopSmtp();
        String to = "out.601@example.org";
        String host = "dr.smith.601@practice.example.org";
        Kafka.publish(TestEvents.created(Booking.of(601, "2026-12-01T10:00:00Z",
                TestEvents.client("Otto", "Age", to, "Europe/Berlin"), TestEvents.host(host))));
        String to2 = "out.602@example.org";
        Kafka.publish(TestEvents.created(Booking.of(602, "2026-12-01T11:00:00Z",
                TestEvents.client("Olga", "Age", to2, "Europe/Berlin"), TestEvents.host("dr.smith.602@practice.example.org"))));

        // while the server is down, each meeting-info is tried, fails transiently and is retried after a backoff
        // (the test clock stands still, so each step forward lets the next attempt become due)
        Eventually.until("at least three failed attempts each", WAIT,
                () -> Db.count("SELECT count(*) FROM notification WHERE kind = 'meeting_info' AND status = 'pending' AND attempts >= 3") == 4,
                () -> clock.advance(Duration.ofSeconds(11)));
        List<Db.Row> rows = Db.notifications(601);
        Db.Row info = rows.stream().filter(r -> r.kind().equals("meeting_info")).findFirst().orElseThrow();
        assertTrue(info.lastError().startsWith("smtp connection") || info.lastError().startsWith("smtp"), info.lastError());
        assertNull(info.sentAt());
        assertTrue(retried("smtp") - retriedBefore >= 8, "retries counted");

        GreenMailTestResource.startSmtp();
        Eventually.until("delivered after the outage", WAIT,
                () -> Mailbox.to(to).size() == 1 && Mailbox.to(host).size() == 1 && Mailbox.to(to2).size() == 1,
                () -> clock.advance(Duration.ofSeconds(11)));
        for (int i = 0; i < 10; i++) { // keep time moving: nothing further may be sent
            clock.advance(Duration.ofSeconds(11));
            Eventually.quietFor(Duration.ofMillis(300));
        }
        assertEquals(1, Mailbox.to(to).size());
        assertEquals(1, Mailbox.to(host).size());
        assertEquals(1, Mailbox.to(to2).size());
        assertEquals(4, GreenMailTestResource.greenMail().getReceivedMessages().length);
        assertEquals(4, Db.count("SELECT count(*) FROM notification WHERE kind = 'meeting_info' AND status = 'sent' AND attempts >= 4"));
    }

    @Test
    void meetingLinkServiceDownDelaysTheEmailUntilAPersonalLinkCanBeHad() {
        MeetingLinkStub.down(true);
        String to = "link.603@example.org";
        Booking booking = Booking.of(603, "2026-12-01T10:00:00Z", TestEvents.client("Lin", "Kay", to, "Europe/Berlin"),
                TestEvents.host("dr.smith.603@practice.example.org"));
        Kafka.publish(TestEvents.created(booking));
        Eventually.until("attempts while meeting-link-service is down", WAIT,
                () -> Db.count("SELECT count(*) FROM notification WHERE booking_id = 603 AND kind = 'meeting_info' AND attempts >= 2") == 2,
                () -> clock.advance(Duration.ofSeconds(11)));
        assertEquals(0, Mailbox.to(to).size(), "no email without a link");
        assertTrue(Db.notifications(603).stream().filter(r -> r.kind().equals("meeting_info"))
                .allMatch(r -> r.lastError() != null && r.lastError().startsWith("meeting-link-service unavailable")));

        MeetingLinkStub.down(false);
        Eventually.until("email with the personal link", WAIT, () -> Mailbox.to(to).size() == 1,
                () -> clock.advance(Duration.ofSeconds(11)));
        assertTrue(Mailbox.to(to).get(0).text().contains(MeetingLinkStub.expectedUrl(booking.room(), "client", "Lin", "Kay")));
    }
}
