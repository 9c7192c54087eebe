package org.therapybooking.booking.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.outbox.OutboxWriter;
import org.therapybooking.booking.schedule.Schedule;
import org.therapybooking.booking.user.User;

/**
 * Booking rules. Concurrency: the client's user row is locked first, then the slot row ({@code FOR UPDATE}), so
 * capacity counts and a user's overlap check cannot race; every change writes its event to the outbox in the
 * same transaction.
 */
@ApplicationScoped
public class BookingService {

    @Inject
    Clock clock;

    @Inject
    BookingConfig config;

    @Inject
    OutboxWriter outbox;

    public record Page(List<BookingDetails> bookings, long total, int limit, int offset) {
    }

    public record AdminFilter(String status, Instant from, Instant to, Long userId, int limit, int offset) {
    }

    @Transactional
    public BookingDetails book(long userId, long scheduleId, String notes) {
        User user = User.lock(userId);
        if (user == null) {
            throw ApiException.notFound("User");
        }
        Schedule slot = Schedule.lock(scheduleId);
        if (slot == null) {
            throw ApiException.notFound("Schedule");
        }
        Instant now = now();
        if (!slot.startsAt.isAfter(now)) {
            throw ApiException.conflict("The slot has already started");
        }
        if (Schedule.activeBookings(scheduleId) >= slot.capacity) {
            throw ApiException.conflict("The slot is fully booked");
        }
        if (Booking.userHasOverlap(userId, slot.startsAt, slot.endsAt, null)) {
            throw ApiException.conflict("You already have a booking at this time");
        }
        Booking booking = new Booking();
        booking.user = user;
        booking.schedule = slot;
        booking.status = Booking.SCHEDULED;
        booking.notes = notes;
        booking.amount = slot.amount;
        booking.currency = slot.currency;
        booking.paymentStatus = "pending";
        booking.sequence = 0;
        booking.createdAt = now;
        booking.updatedAt = now;
        booking.id = Booking.nextId();
        assignNewRoom(booking, now);
        booking.persist();
        outbox.created(booking);
        return BookingDetails.of(booking);
    }

    @Transactional
    public List<BookingDetails> listOwn(long userId) {
        List<Booking> bookings = Booking.find("select b from Booking b join fetch b.schedule join fetch b.user "
                + "where b.user.id = ?1 order by b.schedule.startsAt, b.id", userId).list();
        return bookings.stream().map(BookingDetails::of).toList();
    }

    /** The booking if the caller owns it or is an admin; anyone else learns nothing (404). */
    @Transactional
    public BookingDetails get(long bookingId, long callerId, boolean callerIsAdmin) {
        return BookingDetails.of(visible(Booking.findById(bookingId), callerId, callerIsAdmin));
    }

    /**
     * Cancels a scheduled booking. A client (a caller without the admin group) can do so only before the session
     * starts; an admin can cancel at any time.
     */
    @Transactional
    public BookingDetails cancel(long bookingId, long callerId, boolean callerIsAdmin, String reason) {
        Booking booking = visible(Booking.lock(bookingId), callerId, callerIsAdmin);
        if (!Booking.SCHEDULED.equals(booking.status)) {
            throw ApiException.conflict("Only a scheduled booking can be cancelled");
        }
        Instant now = now();
        if (!callerIsAdmin && !now.isBefore(booking.schedule.startsAt)) {
            // a session that started or took place is the therapist's to settle, not the client's to undo
            throw ApiException.conflict("A session can no longer be cancelled once it has started");
        }
        booking.status = Booking.CANCELLED;
        booking.cancelledAt = now;
        booking.updatedAt = now;
        booking.sequence++;
        boolean byClient = booking.user.id == callerId;
        outbox.cancelled(booking, byClient ? "client" : "admin", reason);
        return BookingDetails.of(booking);
    }

    @Transactional
    public BookingDetails reschedule(long bookingId, long callerId, long newScheduleId) {
        User.lock(callerId);
        Booking booking = Booking.lock(bookingId);
        if (booking == null || booking.user.id != callerId) {
            throw ApiException.notFound("Booking");
        }
        if (!Booking.SCHEDULED.equals(booking.status)) {
            throw ApiException.conflict("Only a scheduled booking can be rescheduled");
        }
        Instant now = now();
        Duration notice = config.bookings().rescheduleNotice();
        if (Duration.between(now, booking.schedule.startsAt).compareTo(notice) < 0) {
            throw ApiException.conflict("A booking can be rescheduled only up to " + notice.toHours()
                    + " hours before it starts");
        }
        if (booking.schedule.id == newScheduleId) {
            throw ApiException.conflict("The booking is already in this slot");
        }
        Schedule slot = Schedule.lock(newScheduleId);
        if (slot == null) {
            throw ApiException.notFound("Schedule");
        }
        if (!slot.startsAt.isAfter(now)) {
            throw ApiException.conflict("The new slot has already started");
        }
        if (Schedule.activeBookings(newScheduleId) >= slot.capacity) {
            throw ApiException.conflict("The new slot is fully booked");
        }
        if (Booking.userHasOverlap(callerId, slot.startsAt, slot.endsAt, bookingId)) {
            throw ApiException.conflict("You already have a booking at this time");
        }
        Instant previousStart = booking.schedule.startsAt;
        String previousRoom = booking.jitsiRoomId;
        booking.schedule = slot;
        booking.sequence++;
        booking.updatedAt = now;
        assignNewRoom(booking, now);
        outbox.rescheduled(booking, previousStart, previousRoom);
        return BookingDetails.of(booking);
    }

    @Transactional
    public Page adminList(AdminFilter filter) {
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
        var em = Booking.getEntityManager();
        var count = em.createQuery("select count(b) from Booking b" + where, Long.class);
        var page = em.createQuery("select b from Booking b join fetch b.schedule join fetch b.user" + where
                + " order by b.schedule.startsAt, b.id", Booking.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<BookingDetails> bookings = page.setFirstResult(filter.offset()).setMaxResults(filter.limit())
                .getResultList().stream().map(BookingDetails::of).toList();
        return new Page(bookings, total, filter.limit(), filter.offset());
    }

    /** Millisecond precision: what the API shows is what the database stores. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void assignNewRoom(Booking booking, Instant now) {
        booking.jitsiRoomId = RoomIds.next(booking.id, now);
        booking.jitsiRoomUrl = RoomIds.url(config.jitsi().baseUrl(), booking.jitsiRoomId);
    }

    private static Booking visible(Booking booking, long callerId, boolean callerIsAdmin) {
        if (booking == null || (!callerIsAdmin && booking.user.id != callerId)) {
            throw ApiException.notFound("Booking");
        }
        return booking;
    }
}
