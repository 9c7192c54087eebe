package org.therapybooking.notification.planning;

import org.therapybooking.commons.persistence.Coded;

/**
 * Where a notification row stands: {@code PENDING} until due and claimed, {@code SENDING} while a worker holds
 * its lease, {@code UNCERTAIN} when a hand-over to the SMTP server may or may not have delivered the message (it
 * waits, then goes out once more with the same Message-ID), then one of the final states.
 */
public enum NotificationStatus implements Coded {
    PENDING, SENDING, UNCERTAIN, SENT, FAILED, SKIPPED, CANCELLED;

    /** Whether the row is done: it will never be sent (again). */
    public boolean isFinal() {
        return this == SENT || this == FAILED || this == SKIPPED || this == CANCELLED;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends Coded.Converter<NotificationStatus> {
    }
}
