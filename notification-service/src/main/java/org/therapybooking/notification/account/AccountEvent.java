package org.therapybooking.notification.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.therapybooking.commons.time.TimeZoneId;

/**
 * An account event as published on {@code account.events} (docs/events/account-*.v1.schema.json). Unknown fields are
 * ignored (tolerant reader); the constraints are the parts of the schema this service relies on.
 */
public record AccountEvent(
        @NotNull UUID eventId,
        @NotBlank String eventType,
        @NotNull @Min(1) @Max(1) Integer eventVersion,
        @NotNull Instant occurredAt,
        @NotNull @Min(1) Long userId,
        @NotNull @Valid Account account,
        @Valid Reset reset,
        @Valid Verification verification) {

    public static final String PASSWORD_RESET_REQUESTED = "account.password_reset_requested";
    public static final String PASSWORD_CHANGED = "account.password_changed";
    public static final String UPDATED = "account.updated";
    public static final String ERASED = "account.erased";
    public static final String INVITED = "account.invited";
    public static final String EMAIL_VERIFICATION_REQUESTED = "account.email_verification_requested";

    public record Account(
            @NotNull @Min(1) Long userId,
            @NotNull @Size(max = 100) String firstName,
            @NotNull @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @TimeZoneId String timeZone) {
    }

    /** A link that confirms {@code email}, sent to that address (for a change not yet the account's). */
    public record Verification(
            @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+#token=[A-Za-z0-9_-]{43}") String url,
            @NotNull Instant expiresAt,
            @NotBlank @Email @Size(max = 254) String email) {
    }

    /** The reset page with its token in the fragment: a web link, nothing else. */
    public record Reset(
            @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+#token=[A-Za-z0-9_-]{43}") String url,
            @NotNull Instant expiresAt) {
    }
}
