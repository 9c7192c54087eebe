package org.therapybooking.booking.common;

import org.therapybooking.commons.persistence.Coded;

/**
 * The state of a booking, as the API, the events and the {@code booking.status} column spell it (its
 * {@link #code()}). Here rather than in booking/ because slots count the bookings that hold a place in them.
 */
public enum BookingStatus implements Coded {
    /** Holds a place in its slot. */
    SCHEDULED,
    CANCELLED,
    /** The session is over and the client joined it (through a join link); set by the attendance job. */
    COMPLETED,
    /** The session is over and the client never joined it; set by the attendance job. */
    NO_SHOW;

    /** Over: the attendance job recorded how the session went. Neither cancelled, moved nor joined any more. */
    public boolean isOver() {
        return this == COMPLETED || this == NO_SHOW;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends Coded.Converter<BookingStatus> {
    }
}
