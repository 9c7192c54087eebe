package org.therapybooking.notification.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.therapybooking.notification.booking.BookingRecord;
import org.therapybooking.notification.common.NotificationConfig;
import org.therapybooking.notification.dispatch.ClaimRepository.Claim;
import org.therapybooking.notification.dispatch.ClaimRepository.Claimed;
import org.therapybooking.notification.email.EmailComposer;
import org.therapybooking.notification.email.EmailSender;
import org.therapybooking.notification.email.SendFailure;
import org.therapybooking.notification.meetinglink.MeetingLinks;
import org.therapybooking.notification.planning.Notification;
import org.therapybooking.notification.planning.NotificationKind;
import org.therapybooking.notification.planning.NotificationStatus;

import io.quarkus.mailer.Mail;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * The send loop: claim due rows (row locks, SKIP LOCKED), send each, record the outcome. Any number of these
 * may run at once, in one JVM or in several replicas on one database; a row is claimed by exactly one of them.
 */
@ApplicationScoped
public class NotificationDispatcher {
    public static final String JOB = "notification-dispatch";
    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);

    private final ClaimRepository repository;
    private final MeetingLinks meetingLinks;
    private final EmailComposer composer;
    private final EmailSender sender;
    private final RetryPolicy retryPolicy;
    private final NotificationMetrics metrics;
    private final NotificationConfig config;
    private final Clock clock;
    private final ManagedExecutor executor;

    NotificationDispatcher(ClaimRepository repository, MeetingLinks meetingLinks, EmailComposer composer,
            EmailSender sender, RetryPolicy retryPolicy, NotificationMetrics metrics, NotificationConfig config,
            Clock clock, ManagedExecutor executor) {
        this.repository = repository;
        this.meetingLinks = meetingLinks;
        this.composer = composer;
        this.sender = sender;
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.executor = executor;
    }

    /** Registers the dispatch job (identity {@link #JOB}) with the period and first delay of the configuration. */
    void schedule(@Observes StartupEvent start, Scheduler scheduler) {
        scheduler.newJob(JOB)
                .setInterval(config.dispatch().every().toString())
                .setDelayed(config.dispatch().initialDelay().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> tick())
                .schedule();
    }

    void tick() {
        repository.releaseExpiredLeases(clock.instant());
        int workers = Math.max(1, config.dispatch().workers());
        if (workers == 1) {
            drain();
            return;
        }
        CompletableFuture<?>[] loops = new CompletableFuture<?>[workers];
        for (int i = 0; i < workers; i++) {
            loops[i] = CompletableFuture.runAsync(this::drain, executor);
        }
        CompletableFuture.allOf(loops).join();
    }

    /** Claims and sends until a claim comes back short (nothing more is due right now). */
    void drain() {
        int batch = config.dispatch().batchSize();
        int claimed;
        do {
            claimed = dispatchOnce();
        } while (claimed == batch);
    }

    /** One claim-and-send round; returns how many rows this worker claimed. */
    public int dispatchOnce() {
        Claim claim = claim();
        send(claim);
        return claim.ids().size();
    }

    /** Claims a batch of due rows for this worker (one short transaction); nothing is sent yet. */
    public Claim claim() {
        Instant now = clock.instant();
        return repository.claim(now, config.dispatch().batchSize(), now.plus(config.dispatch().lease()));
    }

    /**
     * Sends the rows of a claim one by one. Right before each send the row's lease is renewed under the claim's
     * token; a row whose lease expired meanwhile (it went back to the queue and maybe to another worker) is no
     * longer this claim's and is left alone, so a slow batch never sends a row a second time.
     */
    public void send(Claim claim) {
        for (Long id : claim.ids()) {
            Instant now = clock.instant();
            Optional<Claimed> taken = repository.takeForSending(id, claim.token(), now, now.plus(config.dispatch().lease()));
            if (taken.isEmpty()) {
                LOG.warnf("notification %d: lease of this claim expired and the row was re-queued; not sent by this worker", id);
                continue;
            }
            deliver(taken.get());
        }
    }

    private void deliver(Claimed claimed) {
        Notification n = claimed.notification();
        BookingRecord booking = claimed.booking();
        Instant now = clock.instant();
        String stale = staleReason(n, booking);
        if (stale != null) {
            LOG.infof("notification %d of booking %d not sent: %s", n.id, n.bookingId, stale);
            repository.finish(n, NotificationStatus.CANCELLED, now, stale, null);
            return;
        }
        if (n.kind == NotificationKind.REMINDER && config.dispatch().skipRemindersAfterStart()
                && !now.isBefore(booking.scheduledAt)) {
            repository.finish(n, NotificationStatus.SKIPPED, now, "session had already started when the reminder was due to go out", null);
            return;
        }
        String joinUrl = null;
        boolean personalized = true;
        if (n.kind != NotificationKind.CANCELLATION) {
            try {
                joinUrl = meetingLinks.joinUrl(booking, booking.participant(n.recipientRole));
            } catch (RuntimeException e) {
                String reason = "meeting-link-service unavailable: " + e.getMessage();
                Optional<Instant> next = retryPolicy.nextAttempt(n.attempts, now);
                if (next.isPresent()) {
                    retryLater(n, reason, next.get(), "meeting_link");
                    return;
                }
                // last attempt: a plain room link (name not pre-filled) beats no email before the session
                LOG.warnf("notification %d: %s; sending the plain room link", n.id, reason);
                joinUrl = booking.jitsiRoomUrl;
                personalized = false;
            }
        }
        Mail mail;
        try {
            mail = composer.compose(n, booking, joinUrl, personalized);
        } catch (RuntimeException e) {
            LOG.errorf(e, "notification %d could not be rendered", n.id);
            fail(n, "rendering failed: " + e.getMessage(), "render");
            return;
        }
        Optional<SendFailure> failure = sender.send(mail);
        Instant after = clock.instant();
        if (failure.isEmpty()) {
            if (repository.finish(n, NotificationStatus.SENT, after, personalized ? null : "sent with the plain room link", null)) {
                metrics.sent(n.kind);
            }
            return;
        }
        SendFailure f = failure.get();
        if (f.permanent()) {
            LOG.warnf("notification %d to booking %d failed permanently: %s", n.id, n.bookingId, f.reason());
            fail(n, f.reason(), NotificationMetrics.SMTP_PERMANENT);
            return;
        }
        Optional<Instant> next = retryPolicy.nextAttempt(n.attempts, after);
        if (next.isPresent()) {
            retryLater(n, f.reason(), next.get(), "smtp");
        } else {
            fail(n, f.reason() + " (after " + n.attempts + " attempts)", NotificationMetrics.RETRIES_EXHAUSTED);
        }
    }

    /**
     * Re-checks a meeting-info or reminder against the booking as it is now, right before sending: the row may
     * have been claimed (or put back for a retry) before a cancel or reschedule arrived, which only cancels rows
     * still pending. Null when it should go out.
     */
    static String staleReason(Notification n, BookingRecord booking) {
        if (n.kind == NotificationKind.CANCELLATION) {
            return null;
        }
        if (booking.isCancelled()) {
            return "booking cancelled before the email went out";
        }
        if (n.sequence < booking.sequence) {
            return "superseded: planned for sequence " + n.sequence + ", the booking is at sequence " + booking.sequence;
        }
        return null;
    }

    private void retryLater(Notification n, String reason, Instant next, String cause) {
        LOG.infof("notification %d: attempt %d failed (%s); next attempt at %s", n.id, n.attempts, reason, next);
        if (repository.finish(n, NotificationStatus.PENDING, clock.instant(), reason, next)) {
            metrics.retried(cause);
        }
    }

    private void fail(Notification n, String reason, String metricReason) {
        if (repository.finish(n, NotificationStatus.FAILED, clock.instant(), reason, null)) {
            metrics.failed(metricReason);
        }
    }
}
