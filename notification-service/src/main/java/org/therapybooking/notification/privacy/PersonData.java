package org.therapybooking.notification.privacy;

import java.time.Instant;
import java.util.List;

/**
 * Everything notification-service holds about one person (docs/api.md "Internal APIs"): the profile it keeps, the
 * booking snapshots they are in, and every email row addressed to them, with its state and times.
 */
public record PersonData(long userId, Profile profile, List<BookingCopy> bookings, List<Email> notifications) {

    /** The latest account.updated values; null when none was received. */
    public record Profile(String firstName, String lastName, String email, String timeZone, Instant changedAt) {
    }

    /** A booking snapshot the person is in, as client or host, with the name and address kept for them. */
    public record BookingCopy(long bookingId, String role, String status, Instant scheduledAt, String firstName,
            String lastName, String email, String timeZone) {
    }

    public record Email(long id, Long bookingId, String kind, String recipientRole, String recipientEmail,
            String status, Instant dueAt, Instant sentAt, Instant createdAt) {
    }
}
