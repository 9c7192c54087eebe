package org.therapybooking.notification.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.GreenMailTestResource;
import org.therapybooking.notification.email.EmailSender;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.SmtpCutProxy;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import io.quarkus.mailer.MailerName;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * Unknown SMTP outcomes through real SMTP: the message reaches the server (GreenMail) but its reply does not reach
 * the mailer (the dispatcher sends through a mailer behind {@link SmtpCutProxy}, which drops the connection after
 * the final "."). The row waits as 'uncertain',
 * goes out once more with the same Message-ID, and never a third time. The scheduled job is paused; the test runs
 * the dispatcher itself with the test clock.
 */
@QuarkusTest
class UncertainDeliveryTest extends NotificationIT {

    private static final Duration RESEND_AFTER = Duration.ofMinutes(15);

    @Inject
    NotificationDispatcher dispatcher;
    @Inject
    NotificationMetrics metrics;
    @Inject
    Scheduler scheduler;
    @Inject
    @MailerName(SmtpCutProxy.MAILER)
    ReactiveMailer behindTheProxy;
    @Inject
    Vertx vertx;

    @BeforeEach
    void sendThroughTheCuttingProxy() {
        scheduler.pause(NotificationDispatcher.JOB);
        QuarkusMock.installMockForType(new EmailSender(behindTheProxy, vertx, SmtpCutProxy.TIMEOUT), EmailSender.class);
    }

    @AfterEach
    void resume() {
        scheduler.resume(NotificationDispatcher.JOB);
    }

    @Test
    void messageTakenWithoutAnAnswerIsSentOnceMoreWithTheSameMessageId() {
        List<Long> ids = meetingInfoRows(701);
        double uncertainBefore = metrics.uncertainTotal();
        double resentBefore = metrics.resentTotal();
        SmtpCutProxy.cutAfterData(true);

        assertEquals(2, dispatcher.dispatchOnce());
        assertEquals(2, received().size(), "the server took both messages");
        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 701 AND status = 'uncertain'"
                + " AND unconfirmed_handovers = 1 AND handover_at IS NULL AND claim_token IS NULL"));
        assertEquals(2.0, metrics.uncertainTotal() - uncertainBefore);

        SmtpCutProxy.cutAfterData(false);
        clock.advance(RESEND_AFTER.minusSeconds(1));
        dispatcher.tick();
        assertEquals(2, received().size(), "not re-sent before the waiting time is over");

        clock.advance(Duration.ofSeconds(2));
        dispatcher.tick();
        assertEquals(2.0, metrics.resentTotal() - resentBefore);
        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 701 AND kind = 'meeting_info'"
                + " AND status = 'sent' AND attempts = 2"));
        assertTwoCopiesEachWithItsOwnStableMessageId(ids);

        clock.advance(Duration.ofHours(1));
        dispatcher.tick();
        assertEquals(4, received().size(), "nothing more");
    }

    @Test
    void secondUnknownOutcomeFailsInsteadOfSendingAThirdCopy() {
        List<Long> ids = meetingInfoRows(702);
        SmtpCutProxy.cutAfterData(true);
        dispatcher.dispatchOnce();
        clock.advance(RESEND_AFTER.plusSeconds(1));
        dispatcher.tick();

        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 702 AND status = 'failed'"
                + " AND unconfirmed_handovers = 2 AND last_error LIKE 'delivery unconfirmed twice%'"));
        assertTwoCopiesEachWithItsOwnStableMessageId(ids);
        for (int i = 0; i < 3; i++) {
            clock.advance(RESEND_AFTER.plusSeconds(1));
            dispatcher.tick();
        }
        assertEquals(4, received().size(), "at most one re-send");
    }

    @Test
    void rowWhoseWorkerDiedAfterTheHandOverBecomesUncertainNotPending() {
        List<Long> ids = meetingInfoRows(703);
        // sent, then the process died (or the database was cut) before 'sent' was recorded
        Db.execute("UPDATE notification SET status = 'sending', attempts = 1, claimed_until = TIMESTAMPTZ '2026-11-01 08:05:00Z',"
                + " handover_at = TIMESTAMPTZ '2026-11-01 08:00:00Z' WHERE booking_id = 703 AND kind = 'meeting_info'");

        clock.set("2026-11-01T08:05:01Z");
        dispatcher.tick();
        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 703 AND status = 'uncertain'"
                + " AND unconfirmed_handovers = 1"));
        assertEquals(0, received().size(), "not sent again right away");

        clock.advance(RESEND_AFTER.plusSeconds(1));
        dispatcher.tick();
        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 703 AND kind = 'meeting_info'"
                + " AND status = 'sent'"));
        Map<String, List<String>> byMessageId = messageIds();
        for (Long id : ids) {
            assertEquals(1, byMessageId.getOrDefault(expectedMessageId(id), List.of()).size(), byMessageId.toString());
        }
    }

    private List<Long> meetingInfoRows(long bookingId) {
        Kafka.publish(TestEvents.created(Booking.of(bookingId, "2026-12-01T10:00:00Z",
                TestEvents.client("Una", "Certain", "una." + bookingId + "@example.org", "Europe/Berlin"),
                TestEvents.host("dr.smith." + bookingId + "@practice.example.org"))));
        Eventually.until("planned", Duration.ofSeconds(30),
                () -> Db.count("SELECT count(*) FROM notification WHERE booking_id = " + bookingId) == 4);
        return Db.notifications(bookingId).stream().filter(r -> r.kind().equals("meeting_info")).map(Db.Row::id).toList();
    }

    private void assertTwoCopiesEachWithItsOwnStableMessageId(List<Long> ids) {
        Map<String, List<String>> byMessageId = messageIds();
        assertEquals(2, byMessageId.size(), "one Message-ID per notification: " + byMessageId);
        for (Long id : ids) {
            List<String> copies = byMessageId.get(expectedMessageId(id));
            assertEquals(2, copies == null ? 0 : copies.size(), "both attempts carry " + expectedMessageId(id) + ": " + byMessageId);
            assertEquals(1, copies.stream().distinct().count(), "both copies to the same recipient");
        }
        assertEquals(4, received().size());
    }

    private static String expectedMessageId(long id) {
        return "<notification-" + id + ".meeting_info@practice.example>";
    }

    private List<MimeMessage> received() {
        return Arrays.asList(GreenMailTestResource.greenMail().getReceivedMessages());
    }

    /** Message-ID → recipient of each copy received. */
    private Map<String, List<String>> messageIds() {
        return received().stream().collect(Collectors.groupingBy(UncertainDeliveryTest::messageId,
                Collectors.mapping(UncertainDeliveryTest::recipient, Collectors.toList())));
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getHeader("Message-ID")[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return Arrays.toString(m.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
