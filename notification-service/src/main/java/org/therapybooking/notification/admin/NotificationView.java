package org.therapybooking.notification.admin;

import java.time.Instant;

/** One notification as the admin API shows it (snake_case on the wire). */
public record NotificationView(long id, String kind, String recipientRole, String recipientEmail, String reminderOffset,
        int sequence, Instant dueAt, String status, int attempts, Instant nextAttemptAt, String lastError,
        Instant sentAt) {
}
