package org.therapybooking.notification.account;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.therapybooking.notification.event.BookingEventsConsumer;
import org.therapybooking.notification.event.PoisonMessageException;

import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Consumes {@code account.events} as BookingEventsConsumer does {@code booking.events}: poison records go to
 * {@code account.events.dlq}, any other failure is retried without limit (the offset waits).
 */
@ApplicationScoped
public class AccountEventsConsumer {

    private final AccountEventHandler handler;

    AccountEventsConsumer(AccountEventHandler handler) {
        this.handler = handler;
    }

    @Incoming("account-events")
    @Blocking
    @Retry(maxRetries = -1, maxDuration = 0, delay = 500, jitter = 200, abortOn = PoisonMessageException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String payload, IncomingKafkaRecordMetadata<String, String> record) {
        handler.apply(handler.parse(payload), BookingEventsConsumer.traceparent(record.getHeaders()));
    }
}
