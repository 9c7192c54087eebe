package org.therapybooking.booking.common;

import org.therapybooking.commons.persistence.Coded;

/**
 * The state of a booking, as the API, the events and the {@code booking.status} column spell it (its
 * {@link #code()}). Here rather than in booking/ because slots count the bookings that hold a place in them.
 */
public enum BookingStatus implements Coded {
    /** Holds a place in its slot. */
    SCHEDULED,
    CANCELLED;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends Coded.Converter<BookingStatus> {
    }
}
