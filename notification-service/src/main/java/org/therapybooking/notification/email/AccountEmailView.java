package org.therapybooking.notification.email;

/** What an account email shows, rendered for the account holder (times in their zone). Plain text values. */
public record AccountEmailView(
        String lang,
        String subject,
        String recipientName,
        String recipientEmail,
        /** The reset link; null for the password-changed notice. */
        String actionUrl,
        /** When the reset link stops working, with the zone named; null for the notice. */
        String expiresAt,
        /** When the email was written, in the recipient's zone. */
        String writtenAt,
        String assetBaseUrl) {
}
