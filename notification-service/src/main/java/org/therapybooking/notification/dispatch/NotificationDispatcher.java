package org.therapybooking.notification.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.therapybooking.commons.tracing.TraceParent;
import org.therapybooking.notification.booking.BookingRecord;
import org.therapybooking.notification.common.NotificationConfig;
import org.therapybooking.notification.dispatch.ClaimRepository.Claim;
import org.therapybooking.notification.dispatch.ClaimRepository.Claimed;
import org.therapybooking.notification.dispatch.ClaimRepository.Released;
import org.therapybooking.notification.email.EmailComposer;
import org.therapybooking.notification.email.EmailSender;
import org.therapybooking.notification.email.SendFailure;
import org.therapybooking.notification.meetinglink.MeetingLinks;
import org.therapybooking.notification.planning.Notification;
import org.therapybooking.notification.planning.NotificationKind;
import org.therapybooking.notification.planning.NotificationPlanner;
import org.therapybooking.notification.planning.NotificationStatus;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.runtime.ShutdownEvent;
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
    /** The span of one delivery attempt; attributes are the row's id and kind only, never an address or a name. */
    public static final String SEND_SPAN = "send email";
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
    private final Tracer tracer;
    /** Guards {@link #stopping} and {@link #inFlight}: a send starts only while the dispatcher is not stopping. */
    private final Object lifecycle = new Object();
    private volatile boolean stopping;
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "notification-due-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final Object timerLock = new Object();
    private ScheduledFuture<?> wakeUpTimer;
    private Instant wakeUpAt;
    private volatile Scheduler scheduler;
    private int inFlight;

    NotificationDispatcher(ClaimRepository repository, MeetingLinks meetingLinks, EmailComposer composer,
            EmailSender sender, RetryPolicy retryPolicy, NotificationMetrics metrics, NotificationConfig config,
            Clock clock, ManagedExecutor executor, Tracer tracer) {
        this.repository = repository;
        this.meetingLinks = meetingLinks;
        this.composer = composer;
        this.sender = sender;
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
        this.executor = executor;
        this.tracer = tracer;
    }

    /** Registers the dispatch job (identity {@link #JOB}) with the period and first delay of the configuration. */
    void schedule(@Observes StartupEvent start, Scheduler scheduler) {
        this.scheduler = scheduler;
        scheduler.newJob(JOB)
                .setInterval(config.dispatch().every().toString())
                .setDelayed(config.dispatch().initialDelay().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> tick())
                .schedule();
    }

    /**
     * At shutdown (SIGTERM; after quarkus.shutdown.delay): claim nothing more, give claimed rows not yet handed
     * over back to the queue, and let the sends already under way finish and record their outcome, for at most
     * {@code notifications.dispatch.shutdown-grace}.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        beginShutdown();
        timer.shutdownNow();
        if (!awaitInFlight(config.dispatch().shutdownGrace())) {
            LOG.warnf("shutdown: sends still under way after %s; their rows are recovered by their lease",
                    config.dispatch().shutdownGrace());
        }
    }

    /** From now on no row is claimed and no send starts; sends under way carry on. */
    public void beginShutdown() {
        synchronized (lifecycle) {
            stopping = true;
        }
    }

    /** Waits until no send is under way; false if some still is after {@code max}. */
    public boolean awaitInFlight(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lifecycle) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lifecycle.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return inFlight == 0;
                }
            }
            return true;
        }
    }

    private boolean tryStartSend() {
        synchronized (lifecycle) {
            if (stopping) {
                return false;
            }
            inFlight++;
            return true;
        }
    }

    private void sendDone() {
        synchronized (lifecycle) {
            inFlight--;
            lifecycle.notifyAll();
        }
    }

    /**
     * A transaction planned a row and committed: one due now is sent at once, one due before the next poll at its
     * due time ({@link #wakeAt}); the poll stays as the safety net and for rows due later.
     */
    void afterPlanned(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationPlanner.Planned planned) {
        if (planned.due().isAfter(clock.instant())) {
            wakeAt(planned.due());
        } else {
            wakeUp();
        }
    }

    /**
     * Drains now, on the executor. At most one wake-up is queued at a time; one queued while a drain runs starts
     * another, so none is lost. Rows are claimed with their lease as on every run, so wake-ups and polls running at
     * once never send a row twice. While the dispatch job is paused (by an operator, or a test that runs its own
     * workers) nothing is sent this way either.
     */
    private void wakeUp() {
        Scheduler jobs = scheduler;
        if (jobs == null || jobs.isPaused(JOB)) {
            return;
        }
        if (!stopping && wakeUpQueued.compareAndSet(false, true)) {
            executor.execute(() -> {
                wakeUpQueued.set(false);
                drain();
                armForNextDue();
            });
        }
    }

    /**
     * Wakes up at {@code due} when that is after now and before the next poll would see it: a reminder goes out on
     * its second, not up to a poll interval late. One timer per process, kept for the earliest such moment; a later
     * one is left to the drain that timer starts (which looks for the next one) or to the poll.
     */
    private void wakeAt(Instant due) {
        Instant now = clock.instant();
        if (!due.isAfter(now) || due.isAfter(now.plus(config.dispatch().every()))) {
            return;
        }
        synchronized (timerLock) {
            if (stopping || (wakeUpAt != null && !due.isBefore(wakeUpAt))) {
                return;
            }
            if (wakeUpTimer != null) {
                wakeUpTimer.cancel(false);
            }
            wakeUpAt = due;
            // +1 ms: the claim compares due_at <= now at millisecond precision
            wakeUpTimer = timer.schedule(() -> {
                synchronized (timerLock) {
                    wakeUpAt = null;
                    wakeUpTimer = null;
                }
                wakeUp();
            }, Duration.between(now, due).toMillis() + 1, TimeUnit.MILLISECONDS);
        }
    }

    void tick() {
        if (stopping) {
            return;
        }
        Instant now = clock.instant();
        Released released = repository.releaseExpiredLeases(now, now.plus(config.dispatch().uncertainResendAfter()));
        metrics.uncertain(NotificationMetrics.LEASE_EXPIRED_AFTER_HANDOVER, released.uncertain());
        metrics.failed(NotificationMetrics.UNCONFIRMED, released.unconfirmed());
        metrics.resent(repository.releaseUncertain(now));
        int workers = Math.max(1, config.dispatch().workers());
        if (workers == 1) {
            drain();
        } else {
            CompletableFuture<?>[] loops = new CompletableFuture<?>[workers];
            for (int i = 0; i < workers; i++) {
                loops[i] = CompletableFuture.runAsync(this::drain, executor);
            }
            CompletableFuture.allOf(loops).join();
        }
        armForNextDue();
    }

    /** Claims and sends until a claim comes back short (nothing more is due right now). */
    void drain() {
        int batch = config.dispatch().batchSize();
        int claimed;
        do {
            claimed = dispatchOnce();
        } while (claimed == batch && !stopping);
    }

    /**
     * After a run (a poll's workers, or a wake-up): the next row due before the next poll gets a wake-up at its
     * time. Once per run, not per worker.
     */
    private void armForNextDue() {
        if (stopping) {
            return;
        }
        Instant now = clock.instant();
        try {
            repository.nextClaimableWithin(now, now.plus(config.dispatch().every())).ifPresent(this::wakeAt);
        } catch (RuntimeException e) {
            // the poll finds the row anyway
            LOG.debugf(e, "could not look for the next due row");
        }
    }

    /** One claim-and-send round; returns how many rows this worker claimed. */
    public int dispatchOnce() {
        if (stopping) {
            return 0;
        }
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
     * longer this claim's and is left alone, so a slow batch never sends a row a second time. Once shutdown has
     * begun, the rows not yet started go back to the queue at once.
     */
    public void send(Claim claim) {
        for (Long id : claim.ids()) {
            Instant now = clock.instant();
            if (!tryStartSend()) {
                repository.unclaim(id, claim.token(), now);
                continue;
            }
            try {
                sendOne(id, claim, now);
            } finally {
                sendDone();
            }
        }
    }

    private void sendOne(Long id, Claim claim, Instant now) {
        Optional<Claimed> taken = repository.takeForSending(id, claim.token(), now, now.plus(config.dispatch().lease()));
        if (taken.isEmpty()) {
            LOG.warnf("notification %d: lease of this claim expired and the row was re-queued; not sent by this worker", id);
            return;
        }
        deliver(taken.get());
    }

    /**
     * One delivery attempt, in a span whose parent is the traceparent the row was planned with (a new trace for a
     * row planned without one): the meeting-link call and the SMTP hand-over then belong to the trace of the
     * booking request that caused the email.
     */
    private void deliver(Claimed claimed) {
        Notification n = claimed.notification();
        Span span = tracer.spanBuilder(SEND_SPAN)
                .setParent(TraceParent.parentContext(n.traceparent))
                .setAttribute("notification.id", n.id)
                .setAttribute("notification.kind", n.kind.code())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            attempt(claimed);
        } catch (RuntimeException e) {
            // no description: a failure's message can quote the recipient's address
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private void attempt(Claimed claimed) {
        Notification n = claimed.notification();
        if (n.kind.aboutAccount()) {
            attemptAccountEmail(n);
            return;
        }
        BookingRecord booking = claimed.booking();
        Instant now = clock.instant();
        String stale = staleReason(n, booking);
        if (stale != null) {
            LOG.infof("notification %d of booking %d not sent: %s", n.id, n.bookingId, stale);
            repository.finish(n, NotificationStatus.CANCELLED, now, stale, null, false);
            return;
        }
        if (n.kind == NotificationKind.REMINDER && config.dispatch().skipRemindersAfterStart()
                && !now.isBefore(booking.scheduledAt)) {
            repository.finish(n, NotificationStatus.SKIPPED, now, "session had already started when the reminder was due to go out", null, false);
            return;
        }
        String joinUrl = null;
        boolean personalized = true;
        String joinLink = booking.joinLink(n.recipientRole);
        if (!n.kind.reportsCancellation() && joinLink != null) {
            // booking-service's join link: opens only in the join window, needs no call to meeting-link-service
            joinUrl = joinLink;
        } else if (!n.kind.reportsCancellation()) {
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
        handOver(n, mail, personalized ? null : "sent with the plain room link");
    }

    /**
     * An account email (password reset, password changed): no booking, no join link. A reset link past its expiry is
     * not sent: it would only lead to "this link has expired".
     */
    private void attemptAccountEmail(Notification n) {
        Instant now = clock.instant();
        if (n.actionExpiresAt != null && !now.isBefore(n.actionExpiresAt)) {
            LOG.infof("notification %d (%s) not sent: its link expired at %s", n.id, n.kind.code(), n.actionExpiresAt);
            repository.finish(n, NotificationStatus.CANCELLED, now, "the link expired before the email went out", null, false);
            return;
        }
        Mail mail;
        try {
            mail = composer.composeAccount(n);
        } catch (RuntimeException e) {
            LOG.errorf(e, "notification %d could not be rendered", n.id);
            fail(n, "rendering failed: " + e.getMessage(), "render");
            return;
        }
        handOver(n, mail, null);
    }

    /** Hands the rendered message to the SMTP server, while this claim still holds the row, and records the outcome. */
    private void handOver(Notification n, Mail mail, String sentNote) {
        if (!repository.markHandingOver(n, clock.instant())) {
            LOG.warnf("notification %d: lease of this claim expired before the hand-over; not sent by this worker", n.id);
            return;
        }
        Optional<SendFailure> failure = sender.send(mail);
        Instant after = clock.instant();
        if (failure.isEmpty()) {
            if (repository.finish(n, NotificationStatus.SENT, after, sentNote, null, false)) {
                metrics.sent(n.kind);
            }
            return;
        }
        SendFailure f = failure.get();
        switch (f.kind()) {
            case PERMANENT -> {
                LOG.warnf("notification %d (%s) failed permanently: %s", n.id, n.kind.code(), f.reason());
                fail(n, f.reason(), NotificationMetrics.SMTP_PERMANENT);
            }
            case AMBIGUOUS -> uncertain(n, f.reason(), after);
            case TRANSIENT -> retryOrFail(n, f, after);
        }
    }

    /**
     * The SMTP server did not answer after the connection was up: it may have taken the message. The first time the
     * row waits as 'uncertain' and goes out once more (same Message-ID) after the configured time; a second unknown
     * outcome is not followed by a third copy: the row fails with reason {@code unconfirmed} for an operator to look.
     */
    private void uncertain(Notification n, String reason, Instant now) {
        if (n.unconfirmedHandovers >= 1) {
            LOG.errorf("notification %d (%s): %s; %s", n.id, n.kind.code(), reason, ClaimRepository.UNCONFIRMED_TWICE);
            if (repository.finish(n, NotificationStatus.FAILED, now, ClaimRepository.UNCONFIRMED_TWICE + "; last: " + reason,
                    null, true)) {
                metrics.failed(NotificationMetrics.UNCONFIRMED);
            }
            return;
        }
        Instant resendAt = now.plus(config.dispatch().uncertainResendAfter());
        LOG.warnf("notification %d (%s): %s; the server may have taken it, sent once more at %s with the same Message-ID",
                n.id, n.kind.code(), reason, resendAt);
        if (repository.finish(n, NotificationStatus.UNCERTAIN, now,
                reason + "; the server may have taken it; sent once more at " + resendAt + " with the same Message-ID",
                resendAt, true)) {
            metrics.uncertain(NotificationMetrics.SMTP_NO_ANSWER, 1);
        }
    }

    private void retryOrFail(Notification n, SendFailure f, Instant after) {
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
        if (n.kind.reportsCancellation()) {
            return null;
        }
        if (booking.isCancelled()) {
            return "booking cancelled before the email went out";
        }
        if (booking.isOver() && NotificationKind.ABOUT_ATTENDING.contains(n.kind)) {
            return "session over (" + booking.status.code() + ") before the email went out";
        }
        if (n.sequence < booking.sequence) {
            return "superseded: planned for sequence " + n.sequence + ", the booking is at sequence " + booking.sequence;
        }
        return null;
    }

    private void retryLater(Notification n, String reason, Instant next, String cause) {
        LOG.infof("notification %d: attempt %d failed (%s); next attempt at %s", n.id, n.attempts, reason, next);
        if (repository.finish(n, NotificationStatus.PENDING, clock.instant(), reason, next, false)) {
            metrics.retried(cause);
        }
    }

    private void fail(Notification n, String reason, String metricReason) {
        if (repository.finish(n, NotificationStatus.FAILED, clock.instant(), reason, null, false)) {
            metrics.failed(metricReason);
        }
    }
}
