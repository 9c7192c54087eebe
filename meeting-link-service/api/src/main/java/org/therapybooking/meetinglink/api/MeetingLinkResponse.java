package org.therapybooking.meetinglink.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One personalized link. {@code moderator_guaranteed} is true only when a signed token gives this participant
 * moderator rights; {@code expires_at} is the token's exp (null when no token is issued). Callers read it
 * leniently: a field added later must not make every link "unavailable".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeetingLinkResponse(String meetingUrl, String displayName, String role, boolean moderatorGuaranteed,
        Instant expiresAt) {
}
