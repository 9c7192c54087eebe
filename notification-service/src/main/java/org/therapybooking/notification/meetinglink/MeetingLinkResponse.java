package org.therapybooking.notification.meetinglink;

import java.time.Instant;

/** {@code POST /api/meeting-links} response of meeting-link-service. */
public record MeetingLinkResponse(String meetingUrl, String displayName, String role, boolean moderatorGuaranteed,
        Instant expiresAt) {
}
