package org.therapybooking.meetinglink.link;

import java.time.Instant;

/**
 * One personalized link. {@code moderator_guaranteed} is true only when a signed token gives this participant
 * moderator rights; {@code expires_at} is the token's exp (null when no token is issued).
 */
public record MeetingLinkResponse(
        String meetingUrl,
        String displayName,
        String role,
        boolean moderatorGuaranteed,
        Instant expiresAt) {
}
