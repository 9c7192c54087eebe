package org.therapybooking.notification.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.therapybooking.notification.booking.BookingRecord;
import org.therapybooking.notification.booking.BookingStatus;
import org.therapybooking.notification.booking.RecipientRole;
import org.therapybooking.notification.common.NotificationConfig;

/**
 * Decides which emails a booking gets and when. Runs inside the event's transaction, so the rows it writes and
 * the processed_event marker commit together. Every row it writes keeps the event's {@code traceparent} (null
 * when the event came without one), so the send joins the trace of the request that caused it.
 */
@ApplicationScoped
public class NotificationPlanner {
    private static final Logger LOG = Logger.getLogger(NotificationPlanner.class);

    static final String PASSED_WHEN_PLANNED = "due time had already passed when the booking arrived";
    static final String NO_MAILBOX = "the address cannot receive mail (reserved .invalid domain: an erased person)";

    /** RFC 2606 reserves {@code .invalid}: no mail can be delivered there. Erased people get such an address. */
    static boolean cannotReceiveMail(String address) {
        return address.toLowerCase(java.util.Locale.ROOT).endsWith(".invalid");
    }

    /**
     * Fired for every row planned to be sent ({@code due}: when); observed after the commit, so the dispatcher sends
     * a row due now at once, and one due within its poll interval at its due time, instead of at its next poll.
     */
    public record Planned(Instant due) {
    }

    private final NotificationRepository notifications;
    private final NotificationConfig config;
    private final Clock clock;
    private final Event<Planned> planned;

    NotificationPlanner(NotificationRepository notifications, NotificationConfig config, Clock clock,
            Event<Planned> planned) {
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
        this.planned = planned;
    }

    /**
     * First plan for a booking: meeting-info now, reminders at their offsets (past ones recorded as skipped).
     * Only for a booking that is {@code scheduled}: a cancelled (or completed) one gets nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planInitial(BookingRecord booking, String traceparent) {
        if (booking.status != BookingStatus.SCHEDULED) {
            LOG.infof("booking %d is %s: no meeting-info or reminders planned", booking.bookingId, booking.status.code());
            return;
        }
        Instant now = clock.instant();
        for (RecipientRole role : meetingInfoRecipients()) {
            insert(booking, role, NotificationKind.MEETING_INFO, null, false, now, now, traceparent);
        }
        for (RecipientRole role : reminderRecipients()) {
            for (Duration offset : config.reminderOffsets()) {
                insert(booking, role, NotificationKind.REMINDER, offset, false, booking.scheduledAt.minus(offset), now,
                        traceparent);
            }
        }
        booking.notificationsPlanned = true;
    }

    /**
     * The session moved: pending reminders move to the new start (or become skipped if that time has passed),
     * offsets with no pending row (already sent or skipped for the old time) get a new one, a pending
     * meeting-info is superseded and everyone gets an updated meeting-info.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planReschedule(BookingRecord booking, String traceparent) {
        Instant now = clock.instant();
        List<Notification> pending = notifications.pendingForBooking(booking.bookingId);
        for (Notification n : pending) {
            if (n.kind == NotificationKind.MEETING_INFO) {
                n.status = NotificationStatus.CANCELLED;
                n.lastError = "superseded by the reschedule to sequence " + booking.sequence;
                n.updatedAt = now;
            }
        }
        for (RecipientRole role : meetingInfoRecipients()) {
            insert(booking, role, NotificationKind.MEETING_INFO, null, true, now, now, traceparent);
        }
        for (RecipientRole role : reminderRecipients()) {
            for (Duration offset : config.reminderOffsets()) {
                Instant due = booking.scheduledAt.minus(offset);
                Notification existing = pending.stream()
                        .filter(n -> n.kind == NotificationKind.REMINDER && n.recipientRole == role
                                && offset.toString().equals(n.reminderOffset))
                        .findFirst().orElse(null);
                if (existing == null) {
                    insert(booking, role, NotificationKind.REMINDER, offset, true, due, now, traceparent);
                } else {
                    existing.dueAt = due;
                    existing.nextAttemptAt = due;
                    existing.sequence = booking.sequence;
                    existing.isUpdate = true;
                    existing.updatedAt = now;
                    if (due.isBefore(now)) {
                        existing.status = NotificationStatus.SKIPPED;
                        existing.lastError = PASSED_WHEN_PLANNED;
                    }
                }
            }
        }
        booking.notificationsPlanned = true;
    }

    /** Cancelled: nothing pending goes out any more; the participants get a cancellation (with METHOD:CANCEL). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planCancellation(BookingRecord booking, boolean notifyParticipants, String traceparent) {
        Instant now = clock.instant();
        notifications.cancelPending(booking.bookingId, "booking cancelled", now);
        if (!notifyParticipants) {
            return;
        }
        List<RecipientRole> roles = new ArrayList<>(List.of(RecipientRole.CLIENT));
        if (config.host().cancellation()) {
            roles.add(RecipientRole.HOST);
        }
        for (RecipientRole role : roles) {
            insert(booking, role, NotificationKind.CANCELLATION, null, false, now, now, traceparent);
        }
    }

    /**
     * Released because it was not paid in time (booking.expired): nothing pending goes out any more, as after a
     * cancellation, and the client is told why (whatever was planned before: the client booked this place).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planExpiry(BookingRecord booking, String traceparent) {
        Instant now = clock.instant();
        notifications.cancelPending(booking.bookingId, "booking released: not paid in time", now);
        insert(booking, RecipientRole.CLIENT, NotificationKind.EXPIRED, null, false, now, now, traceparent);
    }

    /**
     * The session is over (booking.completed or booking.no_show): whatever is still pending about attending it (a
     * meeting-info or reminder put back for a retry, an unsent alert) is moot. A "payment received" still goes out.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planSessionOver(BookingRecord booking) {
        notifications.cancelPending(booking.bookingId, "session over (" + booking.status.code() + ")",
                clock.instant(), NotificationKind.ABOUT_ATTENDING);
    }

    /**
     * The client is waiting for the host (booking.client_waiting): one email to the host with the host's join link,
     * at once, and only while the booking is still scheduled. booking-service publishes the event once per booking;
     * a redelivery is dropped by its event id, and this check keeps it to one row even for a second event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planClientWaiting(BookingRecord booking, String traceparent) {
        if (booking.status != BookingStatus.SCHEDULED
                || notifications.exists(booking.bookingId, NotificationKind.CLIENT_WAITING)) {
            return;
        }
        Instant now = clock.instant();
        insert(booking, RecipientRole.HOST, NotificationKind.CLIENT_WAITING, null, false, now, now, traceparent);
    }

    /** Paid (booking.paid), when the meeting-info is not planned on payment: a "payment received" to the client, once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planPaymentReceived(BookingRecord booking, String traceparent) {
        if (booking.status != BookingStatus.SCHEDULED
                || notifications.exists(booking.bookingId, NotificationKind.PAYMENT_RECEIVED)) {
            return;
        }
        Instant now = clock.instant();
        insert(booking, RecipientRole.CLIENT, NotificationKind.PAYMENT_RECEIVED, null, false, now, now, traceparent);
    }

    private List<RecipientRole> meetingInfoRecipients() {
        return config.host().meetingInfo() ? List.of(RecipientRole.CLIENT, RecipientRole.HOST) : List.of(RecipientRole.CLIENT);
    }

    private List<RecipientRole> reminderRecipients() {
        return config.host().reminders() ? List.of(RecipientRole.CLIENT, RecipientRole.HOST) : List.of(RecipientRole.CLIENT);
    }

    private void insert(BookingRecord booking, RecipientRole role, NotificationKind kind, Duration offset,
            boolean isUpdate, Instant due, Instant now, String traceparent) {
        Notification n = new Notification();
        n.bookingId = booking.bookingId;
        n.recipientRole = role;
        n.recipientEmail = booking.participant(role).email();
        n.kind = kind;
        n.reminderOffset = offset == null ? null : offset.toString();
        n.sequence = booking.sequence;
        n.isUpdate = isUpdate;
        n.dueAt = due;
        n.nextAttemptAt = due;
        n.createdAt = now;
        n.updatedAt = now;
        n.traceparent = traceparent;
        if (due.isBefore(now)) {
            n.status = NotificationStatus.SKIPPED;
            n.lastError = PASSED_WHEN_PLANNED;
        } else if (cannotReceiveMail(n.recipientEmail)) {
            n.status = NotificationStatus.SKIPPED;
            n.lastError = NO_MAILBOX;
        } else {
            n.status = NotificationStatus.PENDING;
        }
        notifications.persist(n);
        if (n.status == NotificationStatus.PENDING) {
            planned.fire(new Planned(due));
        }
    }
}
