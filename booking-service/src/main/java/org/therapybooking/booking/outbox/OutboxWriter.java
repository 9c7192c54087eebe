package org.therapybooking.booking.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.user.Person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Appends events to the outbox in the caller's transaction: a rolled-back change leaves no event behind. */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    Event<Written> written;

    /** Fired for every outbox row; observed after commit to wake the relay. */
    public record Written(long outboxId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BookingEvent created(Booking booking) {
        return write(BookingEvent.CREATED, booking, null, null, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BookingEvent cancelled(Booking booking, String cancelledBy, String reason) {
        return write(BookingEvent.CANCELLED, booking, cancelledBy, reason, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BookingEvent rescheduled(Booking booking, Instant previousScheduledAt, String previousRoomId) {
        return write(BookingEvent.RESCHEDULED, booking, null, null, previousScheduledAt, previousRoomId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BookingEvent paid(Booking booking) {
        return write(BookingEvent.PAID, booking, null, null, null, null);
    }

    private BookingEvent write(String type, Booking booking, String cancelledBy, String reason,
            Instant previousScheduledAt, String previousRoomId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        BookingEvent event = new BookingEvent(UUID.randomUUID(), type, 1, now, booking.id,
                new BookingEvent.EventBooking(booking.id, booking.status, booking.schedule.startsAt,
                        booking.schedule.durationMinutes(), booking.jitsiRoomId, booking.jitsiRoomUrl,
                        booking.amount.toPlainString(), booking.currency, booking.paymentStatus, booking.sequence),
                Person.of(booking.user), Person.of(booking.schedule.therapist), cancelledBy, reason,
                previousScheduledAt, previousRoomId);
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.eventType = type;
        row.aggregateId = booking.id;
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + type, e);
        }
        row.createdAt = now;
        row.nextAttemptAt = now;
        row.persist();
        written.fire(new Written(row.id));
        return event;
    }
}
