package org.therapybooking.notification.email;

/**
 * Everything an email template shows, already rendered for the recipient (local time in their zone). Values are
 * plain text; the HTML templates escape them.
 */
public record EmailView(
        String lang,
        String subject,
        String recipientName,
        String otherPartyName,
        boolean toHost,
        boolean isUpdate,
        String localStart,
        String localEndTime,
        String zoneId,
        String zoneName,
        String utcOffset,
        int durationMinutes,
        String joinUrl,
        boolean joinUrlPersonalized,
        String reminderLead,
        String manageUrl,
        /** Where the logo is loaded from. */
        String assetBaseUrl,
        long bookingId,
        /** The client's first join, local time (HH:mm) in the recipient's zone; null before it. */
        String clientJoinedAt,
        boolean calendarAttached,
        /** To the client only: until when they may still move and cancel it, in their zone; null when not known. */
        String changesUntil) {
}
