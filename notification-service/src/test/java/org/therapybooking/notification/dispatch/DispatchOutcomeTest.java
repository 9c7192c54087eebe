package org.therapybooking.notification.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.inject.Vetoed;

import org.junit.jupiter.api.Test;
import org.therapybooking.notification.booking.BookingRecord;
import org.therapybooking.notification.booking.BookingStatus;
import org.therapybooking.notification.booking.RecipientRole;
import org.therapybooking.notification.common.NotificationConfig;
import org.therapybooking.notification.email.EmailComposer;
import org.therapybooking.notification.email.EmailSender;
import org.therapybooking.notification.email.SendFailure;
import org.therapybooking.notification.meetinglink.MeetingLinkUnavailableException;
import org.therapybooking.notification.meetinglink.MeetingLinks;
import org.therapybooking.notification.planning.Notification;
import org.therapybooking.notification.planning.NotificationKind;
import org.therapybooking.notification.planning.NotificationStatus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.mailer.Mail;

/**
 * Unit test of what the dispatcher records for each outcome of a send (collaborators replaced by fakes; the
 * integration tests cover the real SMTP, database and meeting-link paths).
 */
class DispatchOutcomeTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final int MAX_ATTEMPTS = 3;

    private final FakeRepository repository = new FakeRepository();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final NotificationMetrics metrics = new NotificationMetrics(registry);
    private String linkResult = "https://meet.jit.si/booking-1-1-a#userInfo.displayName=%22A%20B%22";
    private Optional<SendFailure> sendResult = Optional.empty();
    private final List<Boolean> composedPersonalized = new ArrayList<>();
    private final List<String> composedLinks = new ArrayList<>();

    private NotificationDispatcher dispatcher() {
        MeetingLinks links = new MeetingLinks(null) {
            @Override
            public String joinUrl(BookingRecord booking, BookingRecord.Participant participant) {
                if (linkResult == null) {
                    throw new MeetingLinkUnavailableException("down", null);
                }
                return linkResult;
            }
        };
        EmailComposer composer = new EmailComposer(null, null) {
            @Override
            public Mail compose(Notification n, BookingRecord booking, String joinUrl, boolean personalized) {
                composedLinks.add(joinUrl);
                composedPersonalized.add(personalized);
                return Mail.withText(booking.clientEmail, "s", "t");
            }
        };
        EmailSender sender = new EmailSender(null) {
            @Override
            public Optional<SendFailure> send(Mail mail) {
                return sendResult;
            }
        };
        RetryPolicy retry = new RetryPolicy(MAX_ATTEMPTS, Duration.ofSeconds(30), Duration.ofMinutes(10), () -> 0.5);
        return new NotificationDispatcher(repository, links, composer, sender, retry, metrics, config(),
                Clock.fixed(NOW, ZoneOffset.UTC), null);
    }

    private static NotificationConfig config() {
        NotificationConfig.Dispatch dispatch = proxy(NotificationConfig.Dispatch.class, name -> switch (name) {
            case "batchSize" -> 10;
            case "lease" -> Duration.ofMinutes(5);
            case "skipRemindersAfterStart" -> true;
            case "workers" -> 1;
            default -> null;
        });
        return proxy(NotificationConfig.class, name -> name.equals("dispatch") ? dispatch : null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.Function<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (p, m, args) -> answers.apply(m.getName()));
    }

    private void claim(NotificationKind kind, int attemptsAfterClaim, Instant sessionStart) {
        claim(kind, attemptsAfterClaim, sessionStart, BookingStatus.SCHEDULED, 0, 0);
    }

    private void claim(NotificationKind kind, int attemptsAfterClaim, Instant sessionStart, BookingStatus bookingStatus,
            int rowSequence, int bookingSequence) {
        Notification n = new Notification();
        n.id = 7L;
        n.bookingId = 1L;
        n.kind = kind;
        n.recipientRole = RecipientRole.CLIENT;
        n.attempts = attemptsAfterClaim;
        n.status = NotificationStatus.SENDING;
        n.nextAttemptAt = NOW;
        n.sequence = rowSequence;
        n.claimToken = FakeRepository.TOKEN;
        BookingRecord b = new BookingRecord();
        b.bookingId = 1L;
        b.status = bookingStatus;
        b.sequence = bookingSequence;
        b.scheduledAt = sessionStart;
        b.durationMinutes = 50;
        b.jitsiRoomId = "booking-1-1-a";
        b.jitsiRoomUrl = "https://meet.jit.si/booking-1-1-a";
        b.clientEmail = "a@example.org";
        b.clientFirstName = "A";
        b.clientLastName = "B";
        b.clientTimeZone = "Europe/Berlin";
        b.hostEmail = "h@example.org";
        b.hostFirstName = "H";
        b.hostLastName = "S";
        b.hostTimeZone = "Europe/Berlin";
        repository.claimed = new ClaimRepository.Claimed(n, b);
    }

    private double failed(String reason) {
        var c = registry.find(NotificationMetrics.FAILED).tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void acceptedIsSentAndCounted() {
        claim(NotificationKind.MEETING_INFO, 1, NOW.plus(Duration.ofDays(1)));
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.SENT, repository.status);
        assertNull(repository.error);
        assertEquals(1.0, metrics.sentTotal());
    }

    @Test
    void permanentSmtpFailureFailsAtOnceWithTheReason() {
        claim(NotificationKind.MEETING_INFO, 1, NOW.plus(Duration.ofDays(1)));
        sendResult = Optional.of(SendFailure.permanentFailure("smtp 550: mailbox unavailable"));
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.FAILED, repository.status);
        assertEquals("smtp 550: mailbox unavailable", repository.error);
        assertEquals(1.0, failed(NotificationMetrics.SMTP_PERMANENT));
        assertEquals(0.0, metrics.sentTotal());
    }

    @Test
    void transientFailureGoesBackToTheQueueWithBackoff() {
        claim(NotificationKind.MEETING_INFO, 2, NOW.plus(Duration.ofDays(1)));
        sendResult = Optional.of(SendFailure.transientFailure("smtp 451: try later"));
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.PENDING, repository.status);
        assertEquals("smtp 451: try later", repository.error);
        // second attempt failed: step 60 s, jitter 0.5 → 45 s
        assertEquals(NOW.plusSeconds(45), repository.next);
        assertEquals(1.0, metrics.retriedTotal());
    }

    @Test
    void transientFailureOnTheLastAttemptFails() {
        claim(NotificationKind.MEETING_INFO, MAX_ATTEMPTS, NOW.plus(Duration.ofDays(1)));
        sendResult = Optional.of(SendFailure.transientFailure("smtp connection: refused"));
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.FAILED, repository.status);
        assertTrue(repository.error.contains("after 3 attempts"), repository.error);
        assertEquals(1.0, failed(NotificationMetrics.RETRIES_EXHAUSTED));
    }

    @Test
    void meetingLinkDownIsRetriedThenDegradesToThePlainRoomLink() {
        linkResult = null;
        claim(NotificationKind.REMINDER, 1, NOW.plus(Duration.ofHours(1)));
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.PENDING, repository.status);
        assertTrue(composedLinks.isEmpty(), "no email without a link while attempts remain");

        claim(NotificationKind.REMINDER, MAX_ATTEMPTS, NOW.plus(Duration.ofHours(1)));
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.SENT, repository.status);
        assertEquals("https://meet.jit.si/booking-1-1-a", composedLinks.get(0));
        assertFalse(composedPersonalized.get(0));
        assertEquals("sent with the plain room link", repository.error);
    }

    @Test
    void reminderStillUnsentAtTheSessionStartIsSkipped() {
        claim(NotificationKind.REMINDER, 4, NOW);
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.SKIPPED, repository.status);
        assertTrue(composedLinks.isEmpty());
    }

    @Test
    void cancellationNeedsNoLink() {
        linkResult = null;
        claim(NotificationKind.CANCELLATION, 1, NOW.plus(Duration.ofDays(1)));
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.SENT, repository.status);
        assertNull(composedLinks.get(0));
    }

    @Test
    void meetingInfoOrReminderOfABookingCancelledMeanwhileIsNotSent() {
        // claimed (or put back for a retry) while still scheduled; the cancel arrived before the send
        claim(NotificationKind.REMINDER, 1, NOW.plus(Duration.ofHours(1)), BookingStatus.CANCELLED, 0, 1);
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.CANCELLED, repository.status);
        assertEquals("booking cancelled before the email went out", repository.error);
        assertTrue(composedLinks.isEmpty(), "nothing rendered or sent");

        claim(NotificationKind.MEETING_INFO, 1, NOW.plus(Duration.ofDays(1)), BookingStatus.CANCELLED, 0, 1);
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.CANCELLED, repository.status);
        assertTrue(composedLinks.isEmpty());
        assertEquals(0.0, metrics.sentTotal());
    }

    @Test
    void rowPlannedForAnOlderSequenceIsNotSent() {
        // a meeting-info for the old time/room, claimed before the reschedule to sequence 1 was applied
        claim(NotificationKind.MEETING_INFO, 1, NOW.plus(Duration.ofDays(1)), BookingStatus.SCHEDULED, 0, 1);
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.CANCELLED, repository.status);
        assertTrue(repository.error.startsWith("superseded"), repository.error);
        assertTrue(composedLinks.isEmpty());

        claim(NotificationKind.REMINDER, 1, NOW.plus(Duration.ofDays(1)), BookingStatus.SCHEDULED, 1, 1);
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.SENT, repository.status, "current sequence goes out");
    }

    @Test
    void cancellationOfACancelledBookingIsSent() {
        claim(NotificationKind.CANCELLATION, 1, NOW.plus(Duration.ofDays(1)), BookingStatus.CANCELLED, 1, 1);
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.SENT, repository.status);
    }

    /** Hands out one claimed row and records how it was finished. Not a bean in the Quarkus tests. */
    @Vetoed
    static final class FakeRepository extends ClaimRepository {
        static final UUID TOKEN = UUID.randomUUID();
        Claimed claimed;
        NotificationStatus status;
        String error;
        Instant next;

        FakeRepository() {
            super(null);
        }

        @Override
        public Claim claim(Instant now, int limit, Instant leaseUntil) {
            return new Claim(TOKEN, claimed == null ? List.of() : List.of(claimed.notification().id));
        }

        @Override
        public Optional<Claimed> takeForSending(long id, UUID token, Instant now, Instant leaseUntil) {
            Claimed c = claimed;
            claimed = null;
            return token.equals(TOKEN) ? Optional.ofNullable(c) : Optional.empty();
        }

        @Override
        public boolean finish(Notification n, NotificationStatus status, Instant now, String error, Instant nextAttemptAt) {
            this.status = status;
            this.error = error;
            this.next = nextAttemptAt;
            return true;
        }
    }
}
