package org.therapybooking.notification.reminder;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest state of a booking as its events described it; emails are rendered from it at send time. */
@Entity
@Table(name = "booking")
public class BookingRecord extends PanacheEntityBase {
    /** Values of {@code status} (booking-service's, see docs/events/common.v1.schema.json). */
    public static final String SCHEDULED = "scheduled";
    public static final String CANCELLED = "cancelled";

    @Id
    @Column(name = "booking_id")
    public Long bookingId;
    public String status;
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
    @Column(name = "updated_at")
    public Instant updatedAt;

    public Instant endsAt() {
        return scheduledAt.plusSeconds(60L * durationMinutes);
    }

    public Participant participant(RecipientRole role) {
        return role == RecipientRole.client
                ? new Participant(role, clientUserId, clientFirstName, clientLastName, clientEmail, ZoneId.of(clientTimeZone))
                : new Participant(role, hostUserId, hostFirstName, hostLastName, hostEmail, ZoneId.of(hostTimeZone));
    }

    /** One side of the session, as an email addresses them. */
    public record Participant(RecipientRole role, long userId, String firstName, String lastName, String email, ZoneId zone) {
        public String fullName() {
            String name = (firstName + " " + lastName).trim();
            return name.isEmpty() ? email : name;
        }
    }
}
