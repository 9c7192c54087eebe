package org.therapybooking.booking.booking;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.therapybooking.booking.schedule.Schedule;
import org.therapybooking.booking.user.User;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    public static final String SCHEDULED = "scheduled";
    public static final String CANCELLED = "cancelled";

    /** Assigned from {@link #nextId()} before the insert, because the room id contains it. */
    @Id
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "schedule_id")
    public Schedule schedule;

    @Column(nullable = false)
    public String status;

    @Column(name = "jitsi_room_id", nullable = false)
    public String jitsiRoomId;

    @Column(name = "jitsi_room_url", nullable = false)
    public String jitsiRoomUrl;

    public String notes;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "payment_status", nullable = false)
    public String paymentStatus;

    @Column(nullable = false)
    public int sequence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    public static Booking lock(long id) {
        return getEntityManager().find(Booking.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether the user holds another scheduled booking overlapping [start, end). */
    public static boolean userHasOverlap(long userId, Instant start, Instant end, Long exceptBookingId) {
        String query = "user.id = ?1 and status = 'scheduled' and schedule.startsAt < ?3 and schedule.endsAt > ?2";
        if (exceptBookingId == null) {
            return count(query, userId, start, end) > 0;
        }
        return count(query + " and id <> ?4", userId, start, end, exceptBookingId) > 0;
    }

    /** The next booking id, so the row is inserted once, complete (its unique room id included). */
    public static long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('booking_id_seq')").getSingleResult())
                .longValue();
    }
}
