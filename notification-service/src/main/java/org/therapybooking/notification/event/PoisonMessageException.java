package org.therapybooking.notification.event;

/**
 * A record that can never be processed (unparseable, schema-invalid, unknown type). Its message becomes the
 * {@code dead-letter-reason} header on {@code booking.events.dlq}.
 */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
