package org.therapybooking.notification.event;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.therapybooking.commons.tracing.TraceParent;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

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
 * The record's {@code traceparent} header (booking-service's outbox relay sets it) is read here and kept on the
 * notifications the event plans, so each email is sent in the trace of the request that caused it. It is read
 * explicitly rather than taken from the connector's own tracing: the send happens later, on another thread, with
 * only the database row to go by, and it must work whatever the connector's tracing settings are.
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
    public void consume(String payload, IncomingKafkaRecordMetadata<String, String> record) {
        handler.apply(parser.parse(payload), traceparent(record.getHeaders()));
    }

    /** The header as a valid W3C traceparent; null when absent or malformed (a bad header never fails an event). */
    public static String traceparent(Headers headers) {
        Header header = headers.lastHeader(TraceParent.HEADER);
        return header == null || header.value() == null ? null
                : TraceParent.normalize(new String(header.value(), StandardCharsets.UTF_8)).orElse(null);
    }
}
