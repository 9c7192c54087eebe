package org.therapybooking.notification.booking;

import org.therapybooking.commons.persistence.Coded;

/** A booking's status as booking-service publishes it (docs/events/common.v1.schema.json, booking.status). */
public enum BookingStatus implements Coded {
    SCHEDULED, CANCELLED,
    /** The session is over and the client joined it (booking.completed). */
    COMPLETED,
    /** The session is over and the client never joined it (booking.no_show). */
    NO_SHOW;

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends Coded.Converter<BookingStatus> {
    }
}
