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
import io.opentelemetry.api.OpenTelemetry;
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
    private Runnable duringSend = () -> { };
    private NotificationDispatcher dispatcher;
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
        EmailComposer composer = new EmailComposer(null, null, null) {
            @Override
            public Mail compose(Notification n, BookingRecord booking, String joinUrl, boolean personalized) {
                composedLinks.add(joinUrl);
                composedPersonalized.add(personalized);
                return Mail.withText(booking.clientEmail, "s", "t");
            }
        };
        EmailSender sender = new EmailSender(null, null, null) {
            @Override
            public Optional<SendFailure> send(Mail mail) {
                duringSend.run();
                return sendResult;
            }
        };
        RetryPolicy retry = new RetryPolicy(MAX_ATTEMPTS, Duration.ofSeconds(30), Duration.ofMinutes(10), () -> 0.5);
        if (dispatcher == null) {
            dispatcher = new NotificationDispatcher(repository, links, composer, sender, retry, metrics, config(),
                    Clock.fixed(NOW, ZoneOffset.UTC), null, OpenTelemetry.noop().getTracer("test"));
        }
        return dispatcher;
    }

    private static NotificationConfig config() {
        NotificationConfig.Dispatch dispatch = proxy(NotificationConfig.Dispatch.class, name -> switch (name) {
            case "batchSize" -> 10;
            case "lease" -> Duration.ofMinutes(5);
            case "skipRemindersAfterStart" -> true;
            case "workers" -> 1;
            case "uncertainResendAfter" -> Duration.ofMinutes(15);
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

    private Notification claim(NotificationKind kind, int attemptsAfterClaim, Instant sessionStart, BookingStatus bookingStatus,
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
        return n;
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
    void sendWithoutAnAnswerBecomesUncertainAndWaitsForItsOneResend() {
        claim(NotificationKind.MEETING_INFO, 1, NOW.plus(Duration.ofDays(1)));
        sendResult = Optional.of(SendFailure.ambiguous("smtp outcome unknown: TimeoutException"));
        dispatcher().dispatchOnce();
        assertEquals(1, repository.handedOver, "the hand-over was recorded before the send");
        assertEquals(NotificationStatus.UNCERTAIN, repository.status);
        assertTrue(repository.unconfirmed, "counted as an unconfirmed hand-over");
        assertEquals(NOW.plus(Duration.ofMinutes(15)), repository.next, "re-sent once after the waiting time");
        assertTrue(repository.error.contains("same Message-ID"), repository.error);
        assertEquals(1.0, metrics.uncertainTotal());
        assertEquals(0.0, metrics.retriedTotal(), "not an ordinary retry");
    }

    @Test
    void secondSendWithoutAnAnswerFailsAsUnconfirmedInsteadOfAThirdCopy() {
        Notification n = claim(NotificationKind.MEETING_INFO, 2, NOW.plus(Duration.ofDays(1)), BookingStatus.SCHEDULED, 0, 0);
        n.unconfirmedHandovers = 1;
        sendResult = Optional.of(SendFailure.ambiguous("smtp outcome unknown: IOException socket was closed unexpected."));
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.FAILED, repository.status);
        assertTrue(repository.error.startsWith("delivery unconfirmed twice"), repository.error);
        assertEquals(1.0, failed(NotificationMetrics.UNCONFIRMED));
        assertEquals(0.0, metrics.uncertainTotal());
    }

    @Test
    void definiteRefusalIsRetriedAsBeforeEvenAfterAnUncertainSend() {
        Notification n = claim(NotificationKind.MEETING_INFO, 2, NOW.plus(Duration.ofDays(1)), BookingStatus.SCHEDULED, 0, 0);
        n.unconfirmedHandovers = 1;
        sendResult = Optional.of(SendFailure.transientFailure("smtp 421: service not available"));
        dispatcher().dispatchOnce();
        assertEquals(NotificationStatus.PENDING, repository.status, "a 4xx reply means this copy was not taken");
        assertFalse(repository.unconfirmed);
    }

    @Test
    void afterShutdownBeganNothingIsClaimed() {
        claim(NotificationKind.MEETING_INFO, 1, NOW.plus(Duration.ofDays(1)));
        dispatcher().beginShutdown();
        assertEquals(0, dispatcher().dispatchOnce());
        assertEquals(0, repository.claims);
        dispatcher().tick();
        assertEquals(0, repository.claims, "the scheduled job does nothing either");
        assertEquals(0, repository.handedOver);
    }

    @Test
    void sendUnderWayAtShutdownFinishesAndIsRecordedTheRestOfTheClaimGoesBackToTheQueue() {
        claim(NotificationKind.MEETING_INFO, 1, NOW.plus(Duration.ofDays(1)));
        repository.alsoClaimed.add(8L);
        duringSend = () -> dispatcher().beginShutdown(); // SIGTERM arrives while the first email is with the server
        assertEquals(2, dispatcher().dispatchOnce());
        assertEquals(NotificationStatus.SENT, repository.status, "the send under way was recorded");
        assertEquals(1.0, metrics.sentTotal());
        assertEquals(List.of(8L), repository.unclaimed, "the row not yet started is back in the queue at once");
        assertTrue(dispatcher().awaitInFlight(Duration.ZERO), "nothing left under way");
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
        boolean unconfirmed;
        int handedOver;
        int claims;
        final List<Long> alsoClaimed = new ArrayList<>();
        final List<Long> unclaimed = new ArrayList<>();

        FakeRepository() {
            super(null);
        }

        @Override
        public Claim claim(Instant now, int limit, Instant leaseUntil) {
            claims++;
            List<Long> ids = new ArrayList<>();
            if (claimed != null) {
                ids.add(claimed.notification().id);
            }
            ids.addAll(alsoClaimed);
            return new Claim(TOKEN, ids);
        }

        @Override
        public Optional<Claimed> takeForSending(long id, UUID token, Instant now, Instant leaseUntil) {
            Claimed c = claimed;
            claimed = null;
            return token.equals(TOKEN) ? Optional.ofNullable(c) : Optional.empty();
        }

        @Override
        public boolean markHandingOver(Notification n, Instant now) {
            handedOver++;
            return true;
        }

        @Override
        public boolean unclaim(long id, UUID token, Instant now) {
            unclaimed.add(id);
            return true;
        }

        @Override
        public boolean finish(Notification n, NotificationStatus status, Instant now, String error, Instant nextAttemptAt,
                boolean unconfirmed) {
            this.status = status;
            this.error = error;
            this.next = nextAttemptAt;
            this.unconfirmed = unconfirmed;
            return true;
        }
    }
}
