package org.therapybooking.meetinglink.jitsi;

import java.time.Instant;

/** A signed Jitsi token and its exp. {@link #toString()} never prints the token. */
public record ParticipantToken(String value, Instant expiresAt) {
    @Override
    public String toString() {
        return "ParticipantToken[value=<redacted>, expiresAt=" + expiresAt + "]";
    }
}
