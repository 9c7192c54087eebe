package org.therapybooking.notification.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.therapybooking.notification.booking.RecipientRole;

/**
 * One email to send (outbox row): meeting-info, reminder or cancellation for one recipient of one booking. Read
 * and written through {@link NotificationRepository} and, in the dispatch loop, ClaimRepository.
 */
@Entity
@Table(name = "notification")
public class Notification {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "booking_id")
    public Long bookingId;
    @Column(name = "recipient_role")
    public RecipientRole recipientRole;
    @Column(name = "recipient_email")
    public String recipientEmail;
    public NotificationKind kind;
    @Column(name = "reminder_offset")
    public String reminderOffset;
    public int sequence;
    @Column(name = "is_update")
    public boolean isUpdate;
    @Column(name = "due_at")
    public Instant dueAt;
    public NotificationStatus status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "claimed_until")
    public Instant claimedUntil;
    /** While 'sending': the token of the claim that owns the row (see ClaimRepository). */
    @Column(name = "claim_token")
    public UUID claimToken;
    /**
     * While 'sending': when the message was handed to the SMTP server (null before). A row whose lease expires
     * with this set may have been delivered, so it becomes 'uncertain' instead of plain 'pending'.
     */
    @Column(name = "handover_at")
    public Instant handoverAt;
    /** Hand-overs whose outcome was unknown (timeout or connection lost after the message may have been taken). */
    @Column(name = "unconfirmed_handovers")
    public int unconfirmedHandovers;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Account emails: the account holder (booking emails: null, the booking row names the people). */
    @Column(name = "user_id")
    public Long userId;
    @Column(name = "recipient_name")
    public String recipientName;
    @Column(name = "recipient_time_zone")
    public String recipientTimeZone;
    /** The link an account email carries (a reset link holds a secret): set to null once the row is finished. */
    @Column(name = "action_url")
    public String actionUrl;
    /** Until when {@link #actionUrl} works; an email not sent by then is not sent at all. */
    @Column(name = "action_expires_at")
    public Instant actionExpiresAt;
    /** W3C traceparent of the event that planned the row (null without one): the send joins that trace. */
    public String traceparent;

    public Duration offset() {
        return reminderOffset == null ? null : Duration.parse(reminderOffset);
    }
}
