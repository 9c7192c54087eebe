package org.therapybooking.meetinglink.link;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * One personalized link. {@code moderator_guaranteed} is true only when a signed token gives this participant
 * moderator rights; {@code expires_at} is the token's exp (null when no token is issued).
 */
@JsonSerialize(using = MeetingLinkResponseSerializer.class)
public record MeetingLinkResponse(
        String meetingUrl,
        String displayName,
        String role,
        boolean moderatorGuaranteed,
        Instant expiresAt) {
}
