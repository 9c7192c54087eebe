package org.therapybooking.booking.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.join.JoinLinks;
import org.therapybooking.booking.outbox.OutboxWriter;
import org.therapybooking.booking.user.Person;
import org.therapybooking.commons.persistence.Coded;

/** Writes a booking's events to the outbox, in the transaction of the change they report. */
@ApplicationScoped
public class BookingEvents {

    /** Who cancelled: the booking's owner, or someone else (an admin). */
    public enum CancelledBy implements Coded {
        CLIENT, ADMIN
    }

    private final OutboxWriter outbox;
    private final Clock clock;
    private final JoinLinks joins;
    private final BookingConfig config;

    public BookingEvents(OutboxWriter outbox, Clock clock, JoinLinks joins, BookingConfig config) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        this.joins = joins;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Booking booking) {
        write(BookingEvent.CREATED, booking, null, null, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelled(Booking booking, CancelledBy by, String reason) {
        write(BookingEvent.CANCELLED, booking, by.code(), reason, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rescheduled(Booking booking, Instant previousScheduledAt, String previousRoomId) {
        write(BookingEvent.RESCHEDULED, booking, null, null, previousScheduledAt, previousRoomId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void paid(Booking booking) {
        write(BookingEvent.PAID, booking, null, null, null, null);
    }

    /** The booking was cancelled because it stayed unpaid longer than the payment hold. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expired(Booking booking) {
        write(BookingEvent.EXPIRED, booking, null, null, null, null);
    }

    /** The session's outcome: {@code booking.completed} (the client joined) or {@code booking.no_show}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionEnded(Booking booking) {
        write(booking.status == BookingStatus.COMPLETED ? BookingEvent.COMPLETED : BookingEvent.NO_SHOW, booking,
                null, null, null, null);
    }

    /** The client joined and the therapist has not, some minutes into the session. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clientWaiting(Booking booking) {
        write(BookingEvent.CLIENT_WAITING, booking, null, null, null, null);
    }

    private void write(String type, Booking booking, String cancelledBy, String reason, Instant previousScheduledAt,
            String previousRoomId) {
        boolean scheduled = booking.status == BookingStatus.SCHEDULED;
        BookingEvent event = new BookingEvent(UUID.randomUUID(), type, 1, clock.instant(), booking.id,
                new BookingEvent.EventBooking(booking.id, booking.status, booking.schedule.startsAt,
                        booking.durationMinutes, booking.endsAt(), booking.jitsiRoomId, booking.jitsiRoomUrl,
                        booking.amount.toPlainString(), booking.currency, booking.paymentStatus, booking.sequence,
                        booking.clientJoinedAt, booking.hostJoinedAt,
                        scheduled ? booking.schedule.startsAt : null,
                        scheduled ? booking.schedule.startsAt.minus(config.bookings().rescheduleNotice()) : null),
                Person.of(booking.user, joins.joinUrl(booking.id, booking.sequence, booking.user.id, false)),
                Person.of(booking.schedule.therapist,
                        joins.joinUrl(booking.id, booking.sequence, booking.schedule.therapist.id, true)),
                cancelledBy, reason,
                previousScheduledAt, previousRoomId);
        outbox.append(new OutboxWriter.Message(event.eventId(), type,
                OutboxWriter.AggregateType.BOOKING, booking.id, event.occurredAt(), event));
    }
}
