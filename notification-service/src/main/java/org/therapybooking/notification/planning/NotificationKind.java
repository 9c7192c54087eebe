package org.therapybooking.notification.reminder;

/** Lower-case constants: they are the stored and wire values. */
public enum NotificationKind {
    meeting_info, reminder, cancellation
}
