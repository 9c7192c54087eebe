package org.therapybooking.notification.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code booking.events}. A poison record makes this method throw {@link PoisonMessageException}; the
 * connector's dead-letter-queue failure strategy then publishes it to {@code booking.events.dlq} with the
 * exception message as {@code dead-letter-reason} and moves on, so the partition is not blocked. Database
 * trouble is retried here first (the record is fine, the moment is not).
 */
@ApplicationScoped
public class BookingEventsConsumer {

    private final BookingEventParser parser;
    private final BookingEventHandler handler;

    BookingEventsConsumer(BookingEventParser parser, BookingEventHandler handler) {
        this.parser = parser;
        this.handler = handler;
    }

    @Incoming("booking-events")
    @Blocking
    @Retry(maxRetries = 5, delay = 500, jitter = 250, abortOn = PoisonMessageException.class)
    public void consume(String payload) {
        handler.apply(parser.parse(payload));
    }
}
