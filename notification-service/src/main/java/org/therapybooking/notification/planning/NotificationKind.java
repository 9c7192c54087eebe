package org.therapybooking.notification.planning;

import org.therapybooking.notification.common.Coded;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which email a notification row sends. */
public enum NotificationKind implements Coded {
    MEETING_INFO("meeting_info"), REMINDER("reminder"), CANCELLATION("cancellation"),
    /** To the client on booking.paid, when the meeting-info is not what payment triggers. */
    PAYMENT_RECEIVED("payment_received"),
    /** To the client on booking.expired: the place was released because the booking was not paid in time. */
    EXPIRED("expired");

    private final String code;

    NotificationKind(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * Whether the email reports that the booking is cancelled: it goes out although the booking is cancelled,
     * carries no join link and an ICS that removes the session (METHOD:CANCEL).
     */
    public boolean reportsCancellation() {
        return this == CANCELLATION || this == EXPIRED;
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DbConverter extends Coded.Converter<NotificationKind> {
        public DbConverter() {
            super(NotificationKind.class);
        }
    }
}
