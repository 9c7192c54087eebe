package org.therapybooking.booking.user;

import java.time.Instant;
import java.util.UUID;


import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An event about an account on {@code account.events} (key = user id); its schema per type is in docs/events/. The
 * account part is what notification-service needs to write to the person, nothing more (no phone, no location).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountEvent(UUID eventId, String eventType, int eventVersion, Instant occurredAt, long userId,
        Account account, Reset reset, Verification verification) {

    public static final String PASSWORD_RESET_REQUESTED = "account.password_reset_requested";
    public static final String PASSWORD_CHANGED = "account.password_changed";
    public static final String UPDATED = "account.updated";
    public static final String ERASED = "account.erased";
    public static final String INVITED = "account.invited";
    public static final String EMAIL_VERIFICATION_REQUESTED = "account.email_verification_requested";

    public record Account(long userId, String firstName, String lastName, String email, String timeZone) {
        static Account of(User user) {
            return new Account(user.id, user.firstName, user.lastName, user.email, user.timeZone);
        }
    }

    /** The reset link (it holds the secret token: notification-service keeps it only until the e-mail is sent). */
    public record Reset(String url, Instant expiresAt) {
    }

    /** A link that verifies {@code email} (the account's address, or the new one of a change): sent there. */
    public record Verification(String url, Instant expiresAt, String email) {
    }
}
