package org.therapybooking.notification.booking;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.therapybooking.commons.time.TimeZones;

/**
 * The latest state of a booking as its events described it; emails are rendered from it at send time. Read and
 * written through {@link BookingRepository}.
 */
@Entity
@Table(name = "booking")
public class BookingRecord {

    @Id
    @Column(name = "booking_id")
    public Long bookingId;
    public BookingStatus status;
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    @Column(name = "duration_minutes")
    public int durationMinutes;
    @Column(name = "jitsi_room_id")
    public String jitsiRoomId;
    @Column(name = "jitsi_room_url")
    public String jitsiRoomUrl;
    public int sequence;
    @Column(name = "payment_status")
    public String paymentStatus;
    @Column(name = "notifications_planned")
    public boolean notificationsPlanned;
    @Column(name = "client_user_id")
    public long clientUserId;
    @Column(name = "client_first_name")
    public String clientFirstName;
    @Column(name = "client_last_name")
    public String clientLastName;
    @Column(name = "client_email")
    public String clientEmail;
    @Column(name = "client_time_zone")
    public String clientTimeZone;
    @Column(name = "host_user_id")
    public long hostUserId;
    @Column(name = "host_first_name")
    public String hostFirstName;
    @Column(name = "host_last_name")
    public String hostLastName;
    @Column(name = "host_email")
    public String hostEmail;
    @Column(name = "host_time_zone")
    public String hostTimeZone;
    /** Each side's join link from the latest event (null for events without one). */
    @Column(name = "client_join_url")
    public String clientJoinUrl;
    @Column(name = "host_join_url")
    public String hostJoinUrl;
    /** The client's first join through its join link, from the latest event that had it (null before). */
    @Column(name = "client_joined_at")
    public Instant clientJoinedAt;
    /** While scheduled: until when the client may cancel or move the booking themselves (null when not told). */
    @Column(name = "cancellable_until")
    public Instant cancellableUntil;
    @Column(name = "reschedulable_until")
    public Instant reschedulableUntil;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isCancelled() {
        return status == BookingStatus.CANCELLED;
    }

    /** The session is over: booking-service recorded it as completed or a no-show. */
    public boolean isOver() {
        return status == BookingStatus.COMPLETED || status == BookingStatus.NO_SHOW;
    }

    public Instant endsAt() {
        return scheduledAt.plusSeconds(60L * durationMinutes);
    }

    public Participant participant(RecipientRole role) {
        return role == RecipientRole.CLIENT
                ? new Participant(role, clientUserId, clientFirstName, clientLastName, clientEmail, TimeZones.parse(clientTimeZone))
                : new Participant(role, hostUserId, hostFirstName, hostLastName, hostEmail, TimeZones.parse(hostTimeZone));
    }

    /** This side's join link from the latest event; null when the event carried none. */
    public String joinLink(RecipientRole role) {
        return role == RecipientRole.CLIENT ? clientJoinUrl : hostJoinUrl;
    }

    /** One side of the session, as an email addresses them. */
    public record Participant(RecipientRole role, long userId, String firstName, String lastName, String email, ZoneId zone) {
        public String fullName() {
            String name = (firstName + " " + lastName).trim();
            return name.isEmpty() ? email : name;
        }
    }
}
