package org.therapybooking.notification.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.therapybooking.notification.common.NotificationConfig;

/**
 * Decides which emails a booking gets and when. Runs inside the event's transaction, so the rows it writes and
 * the processed_event marker commit together.
 */
@ApplicationScoped
public class NotificationPlanner {
    private static final Logger LOG = Logger.getLogger(NotificationPlanner.class);

    static final String PASSED_WHEN_PLANNED = "due time had already passed when the booking arrived";

    private final NotificationConfig config;
    private final Clock clock;

    NotificationPlanner(NotificationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * First plan for a booking: meeting-info now, reminders at their offsets (past ones recorded as skipped).
     * Only for a booking that is {@code scheduled}: a cancelled (or completed) one gets nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planInitial(BookingRecord booking) {
        if (!BookingRecord.SCHEDULED.equals(booking.status)) {
            LOG.infof("booking %d is %s: no meeting-info or reminders planned", booking.bookingId, booking.status);
            return;
        }
        Instant now = clock.instant();
        for (RecipientRole role : meetingInfoRecipients()) {
            insert(booking, role, NotificationKind.meeting_info, null, false, now, now);
        }
        for (RecipientRole role : reminderRecipients()) {
            for (Duration offset : config.reminderOffsets()) {
                insert(booking, role, NotificationKind.reminder, offset, false, booking.scheduledAt.minus(offset), now);
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
    public void planReschedule(BookingRecord booking) {
        Instant now = clock.instant();
        List<Notification> pending = Notification.list("bookingId = ?1 and status = ?2", booking.bookingId,
                NotificationStatus.pending);
        for (Notification n : pending) {
            if (n.kind == NotificationKind.meeting_info) {
                n.status = NotificationStatus.cancelled;
                n.lastError = "superseded by the reschedule to sequence " + booking.sequence;
                n.updatedAt = now;
            }
        }
        for (RecipientRole role : meetingInfoRecipients()) {
            insert(booking, role, NotificationKind.meeting_info, null, true, now, now);
        }
        for (RecipientRole role : reminderRecipients()) {
            for (Duration offset : config.reminderOffsets()) {
                Instant due = booking.scheduledAt.minus(offset);
                Notification existing = pending.stream()
                        .filter(n -> n.kind == NotificationKind.reminder && n.recipientRole == role
                                && offset.toString().equals(n.reminderOffset))
                        .findFirst().orElse(null);
                if (existing == null) {
                    insert(booking, role, NotificationKind.reminder, offset, true, due, now);
                } else {
                    existing.dueAt = due;
                    existing.nextAttemptAt = due;
                    existing.sequence = booking.sequence;
                    existing.isUpdate = true;
                    existing.updatedAt = now;
                    if (due.isBefore(now)) {
                        existing.status = NotificationStatus.skipped;
                        existing.lastError = PASSED_WHEN_PLANNED;
                    }
                }
            }
        }
        booking.notificationsPlanned = true;
    }

    /** Cancelled: nothing pending goes out any more; the participants get a cancellation (with METHOD:CANCEL). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planCancellation(BookingRecord booking, boolean notifyParticipants) {
        Instant now = clock.instant();
        Notification.update("status = ?1, lastError = ?2, updatedAt = ?3 where bookingId = ?4 and status = ?5",
                NotificationStatus.cancelled, "booking cancelled", now, booking.bookingId, NotificationStatus.pending);
        if (!notifyParticipants) {
            return;
        }
        List<RecipientRole> roles = new ArrayList<>(List.of(RecipientRole.client));
        if (config.host().cancellation()) {
            roles.add(RecipientRole.host);
        }
        for (RecipientRole role : roles) {
            insert(booking, role, NotificationKind.cancellation, null, false, now, now);
        }
    }

    private List<RecipientRole> meetingInfoRecipients() {
        return config.host().meetingInfo() ? List.of(RecipientRole.client, RecipientRole.host) : List.of(RecipientRole.client);
    }

    private List<RecipientRole> reminderRecipients() {
        return config.host().reminders() ? List.of(RecipientRole.client, RecipientRole.host) : List.of(RecipientRole.client);
    }

    private void insert(BookingRecord booking, RecipientRole role, NotificationKind kind, Duration offset,
            boolean isUpdate, Instant due, Instant now) {
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
        if (due.isBefore(now)) {
            n.status = NotificationStatus.skipped;
            n.lastError = PASSED_WHEN_PLANNED;
        } else {
            n.status = NotificationStatus.pending;
        }
        n.persist();
    }
}
