package org.therapybooking.notification.reminder;

/** Lower-case constants: they are the stored and wire values. */
public enum NotificationStatus {
    pending, sending, sent, failed, skipped, cancelled
}
