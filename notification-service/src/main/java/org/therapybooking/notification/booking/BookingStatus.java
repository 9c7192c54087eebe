package org.therapybooking.notification.booking;

import org.therapybooking.notification.common.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** A booking's status as booking-service publishes it (docs/events/common.v1.schema.json, booking.status). */
public enum BookingStatus implements Coded {
    SCHEDULED("scheduled"), CANCELLED("cancelled"), COMPLETED("completed");

    private final String code;

    BookingStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends Coded.Converter<BookingStatus> {
        public DbConverter() {
            super(BookingStatus.class);
        }
    }
}
