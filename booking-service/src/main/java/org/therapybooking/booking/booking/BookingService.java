package org.therapybooking.booking.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.therapybooking.booking.audit.AuditTrail;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.common.PaymentStatus;
import org.therapybooking.booking.schedule.Schedule;
import org.therapybooking.booking.user.User;
import org.therapybooking.commons.problem.ApiException;

/**
 * Booking rules. Concurrency: the client's user row is locked first, then the slot row ({@code FOR UPDATE}), so
 * capacity counts and a user's overlap check cannot race; every change writes its event to the outbox in the
 * same transaction.
 */
@ApplicationScoped
public class BookingService {

    private final Clock clock;
    private final BookingConfig config;
    private final BookingEvents events;
    private final AuditTrail audit;

    public BookingService(Clock clock, BookingConfig config, BookingEvents events, AuditTrail audit) {
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.events = events;
    }

    public record Page(List<BookingDetails> bookings, long total, int limit, int offset) {
    }

    /**
     * Books a place in a slot for {@code duration} minutes from its start (null: the slot's length). A duration
     * must fit in the slot and be the slot's length or one of {@code booking.bookings.allowed-durations}.
     */
    @Transactional
    public BookingDetails book(long userId, long scheduleId, Integer duration, String notes) {
        User user = User.lock(userId);
        if (user == null) {
            throw ApiException.notFound("User");
        }
        if (config.emailVerification().required() && user.emailVerifiedAt == null) {
            throw ApiException.forbidden("Please confirm your e-mail address first: use the link we sent you, or ask "
                    + "for a new one (POST /api/auth/email-verification)");
        }
        Schedule slot = Schedule.lock(scheduleId);
        if (slot == null) {
            throw ApiException.notFound("Schedule");
        }
        Instant now = clock.instant();
        requireBookable(slot, userId, null, now, "The slot");
        Booking booking = new Booking();
        booking.user = user;
        booking.schedule = slot;
        booking.durationMinutes = duration == null ? slot.durationMinutes() : allowedDuration(duration, slot);
        booking.status = BookingStatus.SCHEDULED;
        booking.notes = notes;
        booking.amount = slot.amount;
        booking.currency = slot.currency;
        booking.paymentStatus = PaymentStatus.PENDING;
        booking.sequence = 0;
        booking.createdAt = now;
        booking.updatedAt = now;
        booking.id = Booking.nextId();
        assignNewRoom(booking, now);
        booking.persist();
        events.created(booking);
        return BookingDetails.of(booking);
    }

    @Transactional
    public List<BookingDetails> listOwn(long userId) {
        return Booking.ownedBy(userId).stream().map(BookingDetails::of).toList();
    }

    /** The booking if the caller owns it or is an admin; anyone else learns nothing (404). */
    @Transactional
    public BookingDetails get(long bookingId, long callerId, boolean callerIsAdmin, Long therapistScope) {
        return BookingDetails.of(visible(Booking.findById(bookingId), callerId, callerIsAdmin, therapistScope));
    }

    /**
     * Cancels a scheduled booking. A client (a caller without the admin group) can do so only before the session
     * starts; an admin can cancel at any time. The event names the owner as canceller when the owner cancels
     * (also an admin cancelling their own booking), an admin otherwise.
     */
    @Transactional
    public BookingDetails cancel(long bookingId, long callerId, boolean callerIsAdmin, Long therapistScope,
            String reason) {
        Booking booking = visible(Booking.lock(bookingId), callerId, callerIsAdmin, therapistScope);
        if (booking.status != BookingStatus.SCHEDULED) {
            throw ApiException.conflict("Only a scheduled booking can be cancelled");
        }
        Instant now = clock.instant();
        if (!callerIsAdmin && !now.isBefore(booking.schedule.startsAt)) {
            // a session that started or took place is the therapist's to settle, not the client's to undo
            throw ApiException.conflict("A session can no longer be cancelled once it has started");
        }
        release(booking, now);
        events.cancelled(booking, booking.user.id == callerId ? BookingEvents.CancelledBy.CLIENT
                : BookingEvents.CancelledBy.ADMIN, reason);
        if (booking.user.id != callerId) {
            audit.record(callerId, AuditTrail.Action.BOOKING_CANCEL, List.of(booking.user.id), booking.id,
                    reason == null ? null : "reason: " + reason);
        }
        return BookingDetails.of(booking);
    }

    /**
     * Cancels a booking that stayed unpaid past the payment hold (the caller locked its row and checked it is
     * still scheduled and unpaid): its place is freed as by {@link #cancel}, and {@code booking.expired} is
     * published instead of {@code booking.cancelled}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expireUnpaid(Booking booking) {
        release(booking, clock.instant());
        events.expired(booking);
    }

    /**
     * The session's join window has closed: {@code completed} when the client joined it, else {@code no_show}, and
     * the matching event, in the caller's transaction (which holds the row's lock). The sequence stays: nothing
     * about the session moved, and its links already stopped opening.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOutcome(Booking booking, Instant now) {
        booking.status = booking.clientJoinedAt != null ? BookingStatus.COMPLETED : BookingStatus.NO_SHOW;
        booking.endedAt = now;
        booking.updatedAt = now;
        events.sessionEnded(booking);
    }

    /** The client has been waiting for the therapist: {@code booking.client_waiting}, once per booking. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void alertHostClientWaiting(Booking booking, Instant now) {
        booking.clientWaitingAlertAt = now;
        booking.updatedAt = now;
        events.clientWaiting(booking);
    }

    /**
     * The client's account is being erased: their future bookings are cancelled with the usual event (the therapist
     * is told; the erased client has no address left to write to).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelForErasure(Booking booking, boolean byStaff) {
        release(booking, clock.instant());
        events.cancelled(booking, byStaff ? BookingEvents.CancelledBy.ADMIN : BookingEvents.CancelledBy.CLIENT,
                "account erased");
    }

    /** A cancel's change: the booking stops holding its place in the slot. */
    private static void release(Booking booking, Instant now) {
        booking.status = BookingStatus.CANCELLED;
        booking.cancelledAt = now;
        booking.updatedAt = now;
        booking.sequence++;
    }

    @Transactional
    public BookingDetails reschedule(long bookingId, long callerId, long newScheduleId) {
        User.lock(callerId);
        Booking booking = Booking.lock(bookingId);
        if (booking == null || booking.user.id != callerId) {
            throw ApiException.notFound("Booking");
        }
        if (booking.status != BookingStatus.SCHEDULED) {
            throw ApiException.conflict("Only a scheduled booking can be rescheduled");
        }
        Instant now = clock.instant();
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
        requireBookable(slot, callerId, bookingId, now, "The new slot");
        int duration = durationInNewSlot(booking, slot);
        Instant previousStart = booking.schedule.startsAt;
        String previousRoom = booking.jitsiRoomId;
        booking.schedule = slot;
        booking.durationMinutes = duration;
        booking.sequence++;
        booking.updatedAt = now;
        assignNewRoom(booking, now);
        events.rescheduled(booking, previousStart, previousRoom);
        return BookingDetails.of(booking);
    }

    /** One page for an admin; a limit above {@code booking.bookings.max-page-size} is capped to it. */
    @Transactional
    /** @param therapistId only bookings in this therapist's slots (a therapist's own list); null: all */
    public Page adminList(BookingStatus status, Instant from, Instant to, Long userId, Long therapistId, Integer limit,
            Integer offset) {
        int pageSize = Math.min(limit == null ? config.bookings().defaultPageSize() : limit,
                config.bookings().maxPageSize());
        int skip = offset == null ? 0 : offset;
        Booking.Page page = Booking.page(new BookingFilter(status, from, to, userId, therapistId, pageSize, skip));
        return new Page(page.bookings().stream().map(BookingDetails::of).toList(), page.total(), pageSize, skip);
    }

    /** A requested duration, if the policy allows it in this slot. */
    private int allowedDuration(int duration, Schedule slot) {
        int slotLength = slot.durationMinutes();
        if (duration > slotLength) {
            throw ApiException.invalid("duration", "must fit in the slot: at most " + slotLength + " minutes");
        }
        List<Integer> allowed = config.bookings().allowedDurations().orElse(List.of());
        if (duration != slotLength && !allowed.contains(duration)) {
            throw ApiException.invalid("duration", "must be " + describe(allowed, slotLength) + " minutes");
        }
        return duration;
    }

    /**
     * The duration of a booking moved to {@code slot}. A booking of its whole slot (the default, and the only
     * choice without configured durations) takes the new slot's length; a booking of a configured duration keeps
     * it, which must then fit in the new slot.
     */
    private int durationInNewSlot(Booking booking, Schedule slot) {
        List<Integer> allowed = config.bookings().allowedDurations().orElse(List.of());
        boolean wholeSlot = booking.durationMinutes == booking.schedule.durationMinutes()
                && !allowed.contains(booking.durationMinutes);
        if (wholeSlot) {
            return slot.durationMinutes();
        }
        if (booking.durationMinutes > slot.durationMinutes()) {
            throw ApiException.conflict("The booked " + booking.durationMinutes + " minutes do not fit in the new "
                    + "slot (" + slot.durationMinutes() + " minutes)");
        }
        return booking.durationMinutes;
    }

    /** "30, 45 or 60": the durations that fit in a slot of this length. */
    private static String describe(List<Integer> allowed, int slotLength) {
        TreeSet<Integer> options = new TreeSet<>(allowed);
        options.removeIf(d -> d > slotLength);
        options.add(slotLength);
        return options.stream().map(String::valueOf).collect(Collectors.joining(", "))
                .replaceFirst(", (\\d+)$", " or $1");
    }

    /** The checks a slot passes before a booking takes a place in it (a new booking, or one moved there). */
    private static void requireBookable(Schedule slot, long userId, Long movingBookingId, Instant now, String which) {
        if (!slot.available || slot.therapist.deactivatedAt != null) {
            throw ApiException.conflict(which + " is not available");
        }
        if (!slot.startsAt.isAfter(now)) {
            throw ApiException.conflict(which + " has already started");
        }
        if (Schedule.activeBookings(slot.id) >= slot.capacity) {
            throw ApiException.conflict(which + " is fully booked");
        }
        if (Booking.userHasOverlap(userId, slot.startsAt, slot.endsAt, movingBookingId)) {
            throw ApiException.conflict("You already have a booking at this time");
        }
    }

    private void assignNewRoom(Booking booking, Instant now) {
        booking.jitsiRoomId = RoomIds.next(booking.id, now);
        booking.jitsiRoomUrl = RoomIds.url(config.jitsi().baseUrl(), booking.jitsiRoomId);
    }

    /**
     * The booking if the caller may see it: its owner, a practice admin, or the therapist whose slot it is in
     * ({@code therapistScope}: the therapist's id; null for a practice admin). Anyone else learns nothing (404).
     */
    private static Booking visible(Booking booking, long callerId, boolean callerIsAdmin, Long therapistScope) {
        if (booking == null) {
            throw ApiException.notFound("Booking");
        }
        boolean owner = booking.user.id == callerId;
        boolean staff = callerIsAdmin && (therapistScope == null || therapistScope.equals(booking.schedule.therapist.id));
        if (!owner && !staff) {
            throw ApiException.notFound("Booking");
        }
        return booking;
    }
}
