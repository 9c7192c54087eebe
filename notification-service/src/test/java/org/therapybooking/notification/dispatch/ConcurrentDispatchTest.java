package org.therapybooking.notification.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.GreenMailTestResource;
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
 * Two workers, each claiming in its own transactions, against one database (what two replicas do): every row is
 * sent by exactly one of them.
 */
@QuarkusTest
class ConcurrentDispatchTest extends NotificationIT {

    private static final int BOOKINGS = 40;

    @Inject
    NotificationDispatcher dispatcher;
    @Inject
    Scheduler scheduler;
    @Inject
    ClaimRepository repository;

    @AfterEach
    void resume() {
        scheduler.resume(NotificationDispatcher.JOB);
    }

    @Test
    void twoWorkersSendEachNotificationOnce() throws Exception {
        scheduler.pause(NotificationDispatcher.JOB); // only the two workers below send
        Eventually.quietFor(Duration.ofMillis(1500)); // a run in progress finishes

        for (int i = 0; i < BOOKINGS; i++) {
            long id = 500 + i;
            Kafka.publish(TestEvents.created(Booking.of(id, "2026-12-01T10:00:00Z",
                    TestEvents.client("Client", "No" + i, "client." + id + "@example.org", "Europe/Berlin"),
                    TestEvents.host("dr.smith." + id + "@practice.example.org"))));
        }
        Eventually.until("all bookings planned", Duration.ofSeconds(60),
                () -> Db.count("SELECT count(*) FROM notification") == BOOKINGS * 4L);

        // round 1: 80 meeting-info emails are due now
        int[] round1 = runTwoWorkers();
        assertEquals(BOOKINGS * 2, round1[0] + round1[1]);
        assertTrue(round1[0] > 0 && round1[1] > 0, "both workers took part: " + round1[0] + "/" + round1[1]);

        // round 2: move time to the 24 h reminders, 40 of them due at once
        clock.set("2026-11-30T10:00:00Z");
        int[] round2 = runTwoWorkers();
        assertEquals(BOOKINGS, round2[0] + round2[1]);

        MimeMessage[] received = GreenMailTestResource.greenMail().getReceivedMessages();
        assertEquals(BOOKINGS * 3, received.length, "80 meeting-info + 40 reminders");
        Function<MimeMessage, String> notificationId = m -> {
            try {
                return m.getHeader("X-Therapy-Notification-Id")[0];
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var perNotification = List.of(received).stream().collect(Collectors.groupingBy(notificationId, Collectors.counting()));
        assertEquals(BOOKINGS * 3, perNotification.size(), "every notification id arrived exactly once");
        assertEquals(BOOKINGS * 3L, Db.count("SELECT count(*) FROM notification WHERE status = 'sent'"));
        assertEquals(0, Db.count("SELECT count(*) FROM notification WHERE attempts <> 1 AND status = 'sent'"));
        for (int i = 0; i < BOOKINGS; i++) {
            assertEquals(2, Mailbox.to("client." + (500 + i) + "@example.org").size());
        }
    }

    @Test
    void rowLeftSendingByADeadWorkerGoesOutOnceItsLeaseExpires() {
        scheduler.pause(NotificationDispatcher.JOB);
        Eventually.quietFor(Duration.ofMillis(1500));
        String to = "lease.590@example.org";
        Kafka.publish(TestEvents.created(Booking.of(590, "2026-12-01T10:00:00Z",
                TestEvents.client("Lea", "Se", to, "Europe/Berlin"), TestEvents.host("dr.smith.590@practice.example.org"))));
        Eventually.until("planned", Duration.ofSeconds(30),
                () -> Db.count("SELECT count(*) FROM notification WHERE booking_id = 590") == 4);
        // a worker claimed the meeting-info rows and died before recording anything
        Db.execute("UPDATE notification SET status = 'sending', attempts = 1, claimed_until = TIMESTAMPTZ '2026-11-01 08:05:00Z'"
                + " WHERE booking_id = 590 AND kind = 'meeting_info'");

        scheduler.resume(NotificationDispatcher.JOB);
        Eventually.quietFor(Duration.ofMillis(2500));
        assertEquals(0, Mailbox.to(to).size(), "the lease still holds");

        clock.set("2026-11-01T08:05:01Z");
        Eventually.until("sent after the lease expired", Duration.ofSeconds(30), () -> Mailbox.to(to).size() == 1);
        Eventually.quietFor(Duration.ofMillis(2500));
        assertEquals(1, Mailbox.to(to).size());
        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 590 AND kind = 'meeting_info'"
                + " AND status = 'sent' AND attempts = 2"));
    }

    @Test
    void workerWhoseLeaseExpiredDoesNotSendRowsAnotherWorkerReclaimed() {
        scheduler.pause(NotificationDispatcher.JOB);
        Eventually.quietFor(Duration.ofMillis(1500));
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
        assertEquals(2, repository.releaseExpiredLeases(clock.instant()));
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
        scheduler.pause(NotificationDispatcher.JOB);
        Eventually.quietFor(Duration.ofMillis(1500));
        String to = "held.592@example.org";
        Kafka.publish(TestEvents.created(Booking.of(592, "2026-12-01T10:00:00Z",
                TestEvents.client("Held", "Lease", to, "Europe/Berlin"), TestEvents.host("dr.smith.592@practice.example.org"))));
        Eventually.until("planned", Duration.ofSeconds(30),
                () -> Db.count("SELECT count(*) FROM notification WHERE booking_id = 592") == 4);
        ClaimRepository.Claim workerA = dispatcher.claim();
        clock.advance(Duration.ofMinutes(4)); // within the lease: another worker finds nothing to take
        assertEquals(0, repository.releaseExpiredLeases(clock.instant()));
        assertEquals(0, dispatcher.dispatchOnce());
        dispatcher.send(workerA);
        assertEquals(1, Mailbox.to(to).size());
        assertEquals(2, Db.count("SELECT count(*) FROM notification WHERE booking_id = 592 AND kind = 'meeting_info'"
                + " AND status = 'sent' AND attempts = 1"));
    }

    /** Both workers loop claim-and-send until nothing is due; returns how many rows each claimed. */
    private int[] runTwoWorkers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                Callable<Integer> worker = () -> {
                    start.await();
                    int total = 0;
                    int claimed;
                    while ((claimed = dispatcher.dispatchOnce()) > 0) {
                        total += claimed;
                    }
                    return total;
                };
                futures.add(pool.submit(worker));
            }
            start.countDown();
            return new int[] { futures.get(0).get(), futures.get(1).get() };
        } finally {
            pool.shutdownNow();
        }
    }
}
