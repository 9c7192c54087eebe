package org.therapybooking.notification.planning;

import org.therapybooking.notification.common.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a notification row stands: {@code PENDING} until due and claimed, {@code SENDING} while a worker holds
 * its lease, {@code UNCERTAIN} when a hand-over to the SMTP server may or may not have delivered the message (it
 * waits, then goes out once more with the same Message-ID), then one of the final states.
 */
public enum NotificationStatus implements Coded {
    PENDING("pending"), SENDING("sending"), UNCERTAIN("uncertain"), SENT("sent"), FAILED("failed"), SKIPPED("skipped"),
    CANCELLED("cancelled");

    private final String code;

    NotificationStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends Coded.Converter<NotificationStatus> {
        public DbConverter() {
            super(NotificationStatus.class);
        }
    }
}
