package org.therapybooking.notification.event;

import jakarta.enterprise.context.ApplicationScoped;

/** Turns a record value into a valid {@link BookingEvent}, or says precisely why it is poison. */
@ApplicationScoped
public class BookingEventParser {

    private final EventJson json;

    BookingEventParser(EventJson json) {
        this.json = json;
    }

    public ParsedEvent parse(String payload) {
        BookingEvent event = json.read(payload, BookingEvent.class);
        EventType type = EventType.of(event.eventType())
                .orElseThrow(() -> new PoisonMessageException("unknown event type " + event.eventType()));
        if (!event.bookingId().equals(event.booking().id())) {
            throw new PoisonMessageException("schema-invalid: booking_id " + event.bookingId()
                    + " differs from booking.id " + event.booking().id());
        }
        BookingEvent.Booking booking = event.booking();
        if (booking.endsAt() != null
                && !booking.endsAt().equals(booking.scheduledAt().plusSeconds(60L * booking.duration()))) {
            throw new PoisonMessageException("schema-invalid: booking.ends_at " + booking.endsAt()
                    + " is not scheduled_at + duration (" + booking.duration() + " minutes)");
        }
        return new ParsedEvent(type, event);
    }

    public record ParsedEvent(EventType type, BookingEvent event) {
    }
}
