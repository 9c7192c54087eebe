package org.therapybooking.notification.planning;

import java.util.List;

import org.therapybooking.commons.persistence.Coded;

/** Which email a notification row sends. */
public enum NotificationKind implements Coded {
    MEETING_INFO, REMINDER, CANCELLATION,
    /** To the client on booking.paid, when the meeting-info is not what payment triggers. */
    PAYMENT_RECEIVED,
    /** To the client on booking.expired: the place was released because the booking was not paid in time. */
    EXPIRED,
    /** To the host on booking.client_waiting: the client joined, the host has not, some minutes into the session. */
    CLIENT_WAITING,
    /** To the account holder on account.password_reset_requested: the reset link, until it expires. */
    PASSWORD_RESET,
    /** To the account holder on account.password_changed: in case it was not them. */
    PASSWORD_CHANGED,
    /** To a new staff member on account.invited: the link to choose a password, until it expires. */
    INVITATION,
    /** To the address being verified on account.email_verification_requested: the link that confirms it. */
    EMAIL_VERIFICATION;

    /** The kinds about attending the session: moot once it is over (completed or no-show). */
    public static final List<NotificationKind> ABOUT_ATTENDING = List.of(MEETING_INFO, REMINDER, CLIENT_WAITING);

    /** Whether the email is about an account, not a booking (no booking row, no calendar, no join link). */
    public boolean aboutAccount() {
        return this == PASSWORD_RESET || this == PASSWORD_CHANGED || this == INVITATION || this == EMAIL_VERIFICATION;
    }

    /** Whether the email carries a calendar file: booking emails but the alert, which changes nothing in a calendar. */
    public boolean carriesCalendar() {
        return this != CLIENT_WAITING && !aboutAccount();
    }

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
