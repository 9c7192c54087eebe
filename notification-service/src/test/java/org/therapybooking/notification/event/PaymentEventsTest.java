package org.therapybooking.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

/** booking.expired (the payment hold) and booking.paid with the default meeting-info trigger (created). */
@QuarkusTest
class PaymentEventsTest extends NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    NotificationDispatcher dispatcher;

    @Test
    void anExpiredBookingCancelsWhatIsPendingAndTellsTheClientOnceInTheirTimeZone() {
        String to = "una.1101@example.org";
        String host = "dr.smith.1101@practice.example.org";
        Booking booking = Booking.of(1101, "2026-12-10T15:00:00Z",
                TestEvents.client("Una", "Paid-Not", to, "America/New_York"), TestEvents.host(host));
        Kafka.publish(TestEvents.created(booking));
        Eventually.until("meeting-info", WAIT, () -> Mailbox.to(to).size() == 1 && Mailbox.to(host).size() == 1);

        ObjectNode expired = TestEvents.expired(booking.cancelled());
        Kafka.publish(expired);
        Kafka.publish(expired); // redelivered: same event_id
        Eventually.until("expiry email", WAIT, () -> Mailbox.to(to).size() == 2);
        Kafka.publish(expired); // and once more after the email went out
        Eventually.until("all copies consumed", WAIT,
                () -> Db.count("SELECT count(*) FROM processed_event WHERE booking_id = 1101") == 2
                        && Db.applied(expired));
        assertEquals(0, dispatcher.dispatchOnce(), "nothing else is due");

        List<Email> mails = Mailbox.to(to);
        assertEquals(2, mails.size());
        Email released = mails.get(1);
        assertTrue(released.subject().startsWith("Released (not paid): your therapy session on Thu 10 Dec 2026, 10:00"),
                released.subject());
        assertTrue(released.html().contains("was not paid in time"), released.html());
        assertTrue(released.html().contains("Book a new session"));
        assertTrue(released.text().contains("Eastern Standard Time"), released.text());
        assertTrue(released.ics().contains("METHOD:CANCEL\r\n"));
        assertTrue(released.ics().contains("SEQUENCE:1\r\n"));
        assertEquals(1, Mailbox.to(host).size(), "the host is not told about an unpaid booking");
        assertEquals(1, Db.count("SELECT count(*) FROM notification WHERE booking_id = 1101 AND kind = 'expired'"));
        assertEquals(0, Db.count("SELECT count(*) FROM notification WHERE booking_id = 1101 AND status = 'pending'"));
        assertTrue(Db.count("SELECT count(*) FROM notification WHERE booking_id = 1101 AND kind = 'reminder'"
                + " AND status = 'cancelled'") > 0);
        assertEquals(1, Db.count("SELECT count(*) FROM booking WHERE booking_id = 1101 AND status = 'cancelled'"));
    }

    @Test
    void aPaymentSendsOnePaymentReceivedEmailToTheClient() {
        String to = "pat.1102@example.org";
        String host = "dr.smith.1102@practice.example.org";
        Booking booking = Booking.of(1102, "2026-12-10T15:00:00Z",
                TestEvents.client("Pat", "Payer", to, "Europe/Berlin"), TestEvents.host(host));
        Kafka.publish(TestEvents.created(booking));
        Eventually.until("meeting-info", WAIT, () -> Mailbox.to(to).size() == 1 && Mailbox.to(host).size() == 1);

        ObjectNode paid = TestEvents.paid(booking); // as booking-service publishes it: scheduled, succeeded
        Kafka.publish(paid);
        Kafka.publish(paid); // redelivered
        Eventually.until("payment email", WAIT, () -> Mailbox.to(to).size() == 2);
        ObjectNode paidAgain = TestEvents.paid(booking); // another event id for the same payment
        Kafka.publish(paidAgain);
        Eventually.until("all consumed", WAIT, () -> Db.applied(paid) && Db.applied(paidAgain));
        assertEquals(0, dispatcher.dispatchOnce(), "nothing else is due");

        List<Email> mails = Mailbox.to(to);
        assertEquals(2, mails.size());
        Email received = mails.get(1);
        assertTrue(received.subject().startsWith("Payment received: your therapy session on Thu 10 Dec 2026, 16:00"),
                received.subject());
        assertTrue(received.text().contains("we have received your payment"), received.text());
        assertEquals(1, Mailbox.to(host).size());
        assertEquals(1, Db.count(
                "SELECT count(*) FROM notification WHERE booking_id = 1102 AND kind = 'payment_received'"));
    }
}
