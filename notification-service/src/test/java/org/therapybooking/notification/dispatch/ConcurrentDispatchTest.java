package org.therapybooking.notification.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.GreenMailTestResource;
import org.therapybooking.localstack.testing.MeetingLinkStub;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;

/**
 * Two workers, each claiming in its own transactions, against one database (what two replicas do): no row is ever
 * held by two claims at once, and every notification is sent exactly once. The scheduled job is paused, so only
 * the workers of a test send, at the times the test sets.
 */
@QuarkusTest
class ConcurrentDispatchTest extends NotificationIT {

    private static final int BOOKINGS = 40;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    NotificationDispatcher dispatcher;
    @Inject
    Scheduler scheduler;
    @Inject
    ClaimRepository repository;

    @BeforeEach
    void onlyTheTestsWorkersSend() {
        scheduler.pause(NotificationDispatcher.JOB);
    }

    @AfterEach
    void resume() {
        scheduler.resume(NotificationDispatcher.JOB);
    }

    @Test
    void twoWorkersSendEachNotificationOnce() throws Exception {
        publishBookings(500, BOOKINGS);

        // round 1: the 80 meeting-info emails are due now
        List<List<Long>> round1 = runTwoWorkers();
        assertNoRowInTwoClaims(round1);
        assertTrue(!round1.get(0).isEmpty() && !round1.get(1).isEmpty(), "both workers took part: " + round1);

        // round 2: time moves to the 24 h reminders, 40 of them due at once
        clock.set("2026-11-30T10:00:00Z");
        List<List<Long>> round2 = runTwoWorkers();
        assertNoRowInTwoClaims(round2);

        // A send may fail for reasons outside the dispatcher: under CPU load a meeting-link call can time out (a
        // retry a little later), and an SMTP send that ends without an answer waits as 'uncertain' for its one
        // re-send (before the mail client ran on one event loop, a dropped connection sometimes did that: see
        // DroppedConnectionTest). The dispatcher's own recovery finishes them; the guarantees below must hold.
        List<List<Long>> recovery = recoverUnknownOutcomesAndRetries();

        assertEachNotificationSentOnce(BOOKINGS * 3, round1, round2, recovery);
        for (int i = 0; i < BOOKINGS; i++) {
            assertEquals(2, Mailbox.to("client." + (500 + i) + "@example.org").stream()
                    .map(Mailbox.Email::notificationId).distinct().count());
        }
    }

    /**
     * What made {@link #twoWorkersSendEachNotificationOnce} flaky when it counted claims: a row whose send fails
     * transiently in round 1 (here the meeting-link call; under CPU load a read timeout does the same) goes back
     * to pending with its next attempt after the retry delay. The test clock stands still, so round 1 ends without
     * it and round 2, after the clock jump, claims it again with the reminders: one claim more than reminders,
     * though every email still goes out once.
     */
    @Test
    void rowThatFailedTransientlyIsClaimedAgainInALaterRoundAndSentOnce() throws Exception {
        publishBookings(540, 10);
        MeetingLinkStub.failNext(1);

        List<List<Long>> round1 = runTwoWorkers();
        assertNoRowInTwoClaims(round1);
        assertEquals(20, claims(round1), "every meeting-info claimed once");
        assertEquals(1, Db.count("SELECT count(*) FROM notification WHERE status = 'pending' AND kind = 'meeting_info'"
                + " AND attempts = 1 AND last_error LIKE 'meeting-link-service unavailable%'"));
        assertEquals(19, GreenMailTestResource.greenMail().getReceivedMessages().length);

        clock.set("2026-11-30T10:00:00Z");
        List<List<Long>> round2 = runTwoWorkers();
        assertNoRowInTwoClaims(round2);
        assertEquals(11, claims(round2), "10 reminders and the retried meeting-info");

        assertEachNotificationSentOnce(30, round1, round2);
        assertEquals(1, Db.count("SELECT count(*) FROM notification WHERE status = 'sent' AND attempts = 2"));
    }

    @Test
    void rowLeftSendingByADeadWorkerGoesOutOnceItsLeaseExpires() {
        String to = "lease.590@example.org";
        Kafka.publish(TestEvents.created(Booking.of(590, "2026-12-01T10:00:00Z",
                TestEvents.client("Lea", "Se", to, "Europe/Berlin"), TestEvents.host("dr.smith.590@practice.example.org"))));
        Eventually.until("planned", Duration.ofSeconds(30),
                () -> Db.count("SELECT count(*) FROM notification WHERE booking_id = 590") == 4);
        // a worker claimed the meeting-info rows and died before recording anything
        Db.execute("UPDATE notification SET status = 'sending', attempts = 1, claimed_until = TIMESTAMPTZ '2026-11-01 08:05:00Z'"
                + " WHERE booking_id = 590 AND kind = 'meeting_info'");

        dispatcher.tick();
        assertEquals(0, Mailbox.to(to).size(), "the lease still holds");

        clock.set("2026-11-01T08:05:01Z");
        dispatcher.tick();
        assertEquals(1, Mailbox.to(to).size(), "sent after the lease expired");
        dispatcher.tick();
        assertEquals(1, Mailbox.to(to).size(), "and only once");
        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 590 AND kind = 'meeting_info'"
                + " AND status = 'sent' AND attempts = 2"));
    }

    @Test
    void workerWhoseLeaseExpiredDoesNotSendRowsAnotherWorkerReclaimed() {
        String to = "slow.591@example.org";
        String host = "dr.smith.591@practice.example.org";
        Kafka.publish(TestEvents.created(Booking.of(591, "2026-12-01T10:00:00Z",
                TestEvents.client("Slow", "Smtp", to, "Europe/Berlin"), TestEvents.host(host))));
        Eventually.until("planned", Duration.ofSeconds(30),
                () -> Db.count("SELECT count(*) FROM notification WHERE booking_id = 591") == 4);

        // worker A claims the two meeting-info rows, then is stuck (slow SMTP) past its 5 min lease
        ClaimRepository.Claim workerA = dispatcher.claim();
        assertEquals(2, workerA.ids().size());
        clock.advance(Duration.ofMinutes(6));

        // worker B: the tick returns the expired rows to the queue, claims and sends them
        assertEquals(2, repository.releaseExpiredLeases(clock.instant(), clock.instant()).requeued());
        assertEquals(2, dispatcher.dispatchOnce());
        assertEquals(1, Mailbox.to(to).size());
        assertEquals(1, Mailbox.to(host).size());

        // worker A wakes up and carries on with its (stale) claim: the rows are no longer its own
        dispatcher.send(workerA);
        assertEquals(1, Mailbox.to(to).size(), "the meeting-info went out once");
        assertEquals(1, Mailbox.to(host).size());
        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 591 AND kind = 'meeting_info'"
                + " AND status = 'sent' AND attempts = 2 AND claim_token IS NULL"));
    }

    @Test
    void workerStillHoldingItsLeaseKeepsItsRows() {
        String to = "held.592@example.org";
        Kafka.publish(TestEvents.created(Booking.of(592, "2026-12-01T10:00:00Z",
                TestEvents.client("Held", "Lease", to, "Europe/Berlin"), TestEvents.host("dr.smith.592@practice.example.org"))));
        Eventually.until("planned", Duration.ofSeconds(30),
                () -> Db.count("SELECT count(*) FROM notification WHERE booking_id = 592") == 4);
        ClaimRepository.Claim workerA = dispatcher.claim();
        clock.advance(Duration.ofMinutes(4)); // within the lease: another worker finds nothing to take
        assertEquals(0, repository.releaseExpiredLeases(clock.instant(), clock.instant()).total());
        assertEquals(0, dispatcher.dispatchOnce());
        dispatcher.send(workerA);
        assertEquals(1, Mailbox.to(to).size());
        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 592 AND kind = 'meeting_info'"
                + " AND status = 'sent' AND attempts = 1"));
    }

    private void publishBookings(long firstId, int count) {
        for (int i = 0; i < count; i++) {
            long id = firstId + i;
            Kafka.publish(TestEvents.created(Booking.of(id, "2026-12-01T10:00:00Z",
                    TestEvents.client("Client", "No" + i, "client." + id + "@example.org", "Europe/Berlin"),
                    TestEvents.host("dr.smith." + id + "@practice.example.org"))));
        }
        Eventually.until("all bookings planned", WAIT,
                () -> Db.count("SELECT count(*) FROM notification") == count * 4L);
    }

    /** Both workers loop claim-and-send until nothing is due; returns the rows each one claimed, claim by claim. */
    private List<List<Long>> runTwoWorkers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                Callable<List<Long>> worker = () -> {
                    start.await();
                    List<Long> claimed = new ArrayList<>();
                    ClaimRepository.Claim claim;
                    while (!(claim = dispatcher.claim()).ids().isEmpty()) {
                        claimed.addAll(claim.ids());
                        dispatcher.send(claim);
                    }
                    return claimed;
                };
                futures.add(pool.submit(worker));
            }
            start.countDown();
            return List.of(futures.get(0).get(), futures.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What {@code tick()} does for rows that did not go out: later (past the confirmation window of an unknown
     * outcome and the retry delay), 'uncertain' rows go back to the queue, and one worker claims and sends what is
     * due. Returns the claims it made, as one "round" with an empty second worker.
     */
    private List<List<Long>> recoverUnknownOutcomesAndRetries() {
        List<Long> claimed = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            clock.advance(Duration.ofMinutes(20));
            repository.releaseUncertain(clock.instant());
            ClaimRepository.Claim claim;
            while (!(claim = dispatcher.claim()).ids().isEmpty()) {
                claimed.addAll(claim.ids());
                dispatcher.send(claim);
            }
        }
        return List.of(claimed, List.of());
    }

    private static long distinctMessageIds(List<MimeMessage> messages) {
        return messages.stream().map(m -> {
            try {
                return m.getMessageID();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).distinct().count();
    }

    private static int claims(List<List<Long>> round) {
        return round.get(0).size() + round.get(1).size();
    }

    /** Within one round (time stands still) a row is claimed at most once, by one worker. */
    private static void assertNoRowInTwoClaims(List<List<Long>> round) {
        List<Long> all = new ArrayList<>(round.get(0));
        all.addAll(round.get(1));
        List<Long> twice = all.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), twice, "rows claimed twice in one round");
    }

    /**
     * Every row is sent, with one Message-ID per notification (what a person sees once), a second copy only of a
     * row whose send was an unknown outcome (the server may have taken the first: the re-send keeps the
     * Message-ID), and each row's attempts are exactly the claims the workers made on it (a row claimed again was
     * retried after a recorded failure, never taken twice).
     */
    @SafeVarargs
    private static void assertEachNotificationSentOnce(int notifications, List<List<Long>>... rounds) {
        MimeMessage[] received = GreenMailTestResource.greenMail().getReceivedMessages();
        Map<String, List<MimeMessage>> perNotification = List.of(received).stream()
                .collect(Collectors.groupingBy(ConcurrentDispatchTest::notificationId));
        assertEquals(notifications, perNotification.size(), "every notification arrived");
        assertTrue(perNotification.values().stream().allMatch(copies -> distinctMessageIds(copies) == 1),
                "one Message-ID per notification");
        long resentAfterUnknownOutcome = Db.count("SELECT count(*) FROM notification WHERE unconfirmed_handovers > 0");
        long extraCopies = received.length - notifications;
        assertTrue(extraCopies >= 0 && extraCopies <= resentAfterUnknownOutcome,
                extraCopies + " extra copies, " + resentAfterUnknownOutcome + " unknown outcomes");
        assertEquals(notifications, Db.count("SELECT count(*) FROM notification WHERE status = 'sent'"));

        Map<Long, Long> claimsPerRow = Stream.of(rounds).flatMap(List::stream).flatMap(List::stream)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<Long, Long> attemptsPerRow = Db.attempts();
        assertEquals(attemptsPerRow, claimsPerRow, "attempts recorded per row = claims made on it");
    }

    private static String notificationId(MimeMessage m) {
        try {
            return m.getHeader("X-Therapy-Notification-Id")[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
