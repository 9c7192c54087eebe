package org.therapybooking.booking.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The state of a booking, as the API, the events and the {@code booking.status} column spell it. Here rather than
 * in booking/ because slots count the bookings that hold a place in them.
 */
public enum BookingStatus {
    /** Holds a place in its slot. */
    SCHEDULED("scheduled"),
    CANCELLED("cancelled");

    private final String value;

    BookingStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** The status of a value, or null when there is none. */
    public static BookingStatus of(String value) {
        for (BookingStatus status : values()) {
            if (status.value.equals(value)) {
                return status;
            }
        }
        return null;
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<BookingStatus, String> {
        @Override
        public String convertToDatabaseColumn(BookingStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public BookingStatus convertToEntityAttribute(String value) {
            BookingStatus status = of(value);
            if (value != null && status == null) {
                throw new IllegalStateException("unknown booking status in the database: " + value);
            }
            return status;
        }
    }
}
