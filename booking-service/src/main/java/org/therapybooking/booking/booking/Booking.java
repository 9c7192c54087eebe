package org.therapybooking.booking.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.jpa.HibernateHints;
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.common.PaymentStatus;
import org.therapybooking.booking.schedule.Schedule;
import org.therapybooking.booking.user.User;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

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
    public BookingStatus status;

    @Column(name = "jitsi_room_id", nullable = false)
    public String jitsiRoomId;

    @Column(name = "jitsi_room_url", nullable = false)
    public String jitsiRoomUrl;

    /** The booked minutes from the slot's start: the slot's length or less (it sets the session end). */
    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    public String notes;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal amount;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "payment_status", nullable = false)
    public PaymentStatus paymentStatus;

    @Column(nullable = false)
    public int sequence;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** First and last time the client opened the meeting through a join link (JoinService writes them). */
    @Column(name = "client_joined_at")
    public Instant clientJoinedAt;

    @Column(name = "client_last_joined_at")
    public Instant clientLastJoinedAt;

    /** The same for the host (a therapist). */
    @Column(name = "host_joined_at")
    public Instant hostJoinedAt;

    @Column(name = "host_last_joined_at")
    public Instant hostLastJoinedAt;

    /** When the attendance job recorded the outcome ({@code completed} or {@code no_show}). */
    @Column(name = "ended_at")
    public Instant endedAt;

    /** When {@code booking.client_waiting} was written: the therapist is told at most once. */
    @Column(name = "client_waiting_alert_at")
    public Instant clientWaitingAlertAt;

    /** The session's end: start plus the booked duration. */
    public Instant endsAt() {
        return schedule.startsAt.plusSeconds(60L * durationMinutes);
    }

    public static Booking lock(long id) {
        return getEntityManager().find(Booking.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether the user holds another scheduled booking overlapping [start, end). */
    public static boolean userHasOverlap(long userId, Instant start, Instant end, Long exceptBookingId) {
        // a typed query (its plan is cached), not Panache's count(), whose count query is translated anew per call
        return !getEntityManager().createQuery("select b.id from Booking b where b.user.id = ?1 and b.status = ?2 "
                + "and b.schedule.startsAt < ?4 and b.schedule.endsAt > ?3 and b.id <> ?5", Long.class)
                .setParameter(1, userId).setParameter(2, BookingStatus.SCHEDULED).setParameter(3, start)
                .setParameter(4, end).setParameter(5, exceptBookingId == null ? -1L : exceptBookingId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The user's bookings, ordered by start. */
    public static List<Booking> ownedBy(long userId) {
        // read-only: the entities are only turned into views, so Hibernate keeps no snapshots to compare at commit
        return find("select b from Booking b join fetch b.schedule sch join fetch sch.therapist join fetch b.user "
                + "where b.user.id = ?1 "
                + "order by b.schedule.startsAt, b.id", userId).withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** One page of all bookings matching the filter, ordered by start, and how many match in all. */
    public static Page page(BookingFilter filter) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.status() != null) {
            where.append(" and b.status = :status");
            params.put("status", filter.status());
        }
        if (filter.from() != null) {
            where.append(" and b.schedule.startsAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and b.schedule.startsAt < :to");
            params.put("to", filter.to());
        }
        if (filter.userId() != null) {
            where.append(" and b.user.id = :userId");
            params.put("userId", filter.userId());
        }
        if (filter.therapistId() != null) {
            where.append(" and b.schedule.therapist.id = :therapistId");
            params.put("therapistId", filter.therapistId());
        }
        long total = count("from Booking b" + where, params);
        List<Booking> bookings = find("select b from Booking b join fetch b.schedule sch join fetch sch.therapist"
                + " join fetch b.user" + where
                + " order by b.schedule.startsAt, b.id", params).range(filter.offset(), filter.offset() + filter.limit() - 1)
                .list();
        return new Page(bookings, total);
    }

    public record Page(List<Booking> bookings, long total) {
    }

    /** The next booking id, so the row is inserted once, complete (its unique room id included). */
    public static long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('booking_id_seq')").getSingleResult())
                .longValue();
    }
}
