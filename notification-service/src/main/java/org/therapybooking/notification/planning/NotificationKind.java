package org.therapybooking.notification.planning;

import org.therapybooking.commons.persistence.Coded;

/** Which email a notification row sends. */
public enum NotificationKind implements Coded {
    MEETING_INFO, REMINDER, CANCELLATION,
    /** To the client on booking.paid, when the meeting-info is not what payment triggers. */
    PAYMENT_RECEIVED,
    /** To the client on booking.expired: the place was released because the booking was not paid in time. */
    EXPIRED;

    /**
     * Whether the email reports that the booking is cancelled: it goes out although the booking is cancelled,
     * carries no join link and an ICS that removes the session (METHOD:CANCEL).
     */
    public boolean reportsCancellation() {
        return this == CANCELLATION || this == EXPIRED;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends Coded.Converter<NotificationKind> {
    }
}
