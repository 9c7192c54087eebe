package org.therapybooking.notification.event;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns a record value into a valid {@link BookingEvent}, or says precisely why it is poison. */
@ApplicationScoped
public class BookingEventParser {

    private final ObjectMapper mapper;
    private final Validator validator;

    BookingEventParser(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public ParsedEvent parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new PoisonMessageException("empty record value");
        }
        BookingEvent event;
        try {
            event = mapper.readValue(payload, BookingEvent.class);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("unparseable JSON: " + e.getOriginalMessage(), e);
        }
        Set<ConstraintViolation<BookingEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException("schema-invalid: " + violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
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
