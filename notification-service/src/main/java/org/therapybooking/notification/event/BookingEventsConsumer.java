package org.therapybooking.notification.event;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code booking.events}, one record at a time in partition order.
 * <ul>
 * <li>A poison record makes this method throw {@link PoisonMessageException} at once (no retry); the channel's
 * failure strategy ({@link PoisonOnlyDeadLetterStrategy}) publishes it to {@code booking.events.dlq} with the
 * exception message as {@code dead-letter-reason} and the partition moves on.</li>
 * <li>Any other failure (database down, a lock timeout, ...) concerns the moment, not the record: it is retried
 * without limit, with exponential backoff (0.5 s doubling up to 30 s, jitter), so consumption waits for the
 * database instead of losing a valid event. The offset is not committed meanwhile.</li>
 * </ul>
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
    @Retry(maxRetries = -1, maxDuration = 0, delay = 500, jitter = 200, abortOn = PoisonMessageException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String payload) {
        handler.apply(parser.parse(payload));
    }
}
