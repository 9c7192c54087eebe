package org.therapybooking.booking.schedule;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.user.User;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An availability slot of one therapist (the admin who created it; any admin may change it). */
@Entity
@Table(name = "schedule")
public class Schedule extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "therapist_id")
    public User therapist;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    /** Off: not listed publicly and not bookable; bookings it already has stay as they are. */
    @Column(name = "is_available", nullable = false)
    public boolean available;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public int durationMinutes() {
        return (int) Duration.between(startsAt, endsAt).toMinutes();
    }

    /** Locks the slot's row so capacity checks and bookings of one slot happen one at a time. */
    public static Schedule lock(long id) {
        return getEntityManager().find(Schedule.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Bookings still holding a place in this slot. */
    public static long activeBookings(long scheduleId) {
        return getEntityManager()
                .createQuery("select count(b) from Booking b where b.schedule.id = ?1 and b.status = ?2", Long.class)
                .setParameter(1, scheduleId).setParameter(2, BookingStatus.SCHEDULED).getSingleResult();
    }

    /** Bookings holding a place, per slot id; slots without any are left out. */
    public static Map<Long, Long> activeBookings(List<Long> scheduleIds) {
        Map<Long, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select b.schedule.id, count(b) from Booking b where b.schedule.id in ?1 "
                + "and b.status = ?2 group by b.schedule.id", Object[].class)
                .setParameter(1, scheduleIds).setParameter(2, BookingStatus.SCHEDULED).getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    public static boolean overlapsOtherSlot(long therapistId, Instant start, Instant end, Long exceptId) {
        if (exceptId == null) {
            return count("therapist.id = ?1 and startsAt < ?3 and endsAt > ?2", therapistId, start, end) > 0;
        }
        return count("therapist.id = ?1 and startsAt < ?3 and endsAt > ?2 and id <> ?4", therapistId, start, end,
                exceptId) > 0;
    }
}
