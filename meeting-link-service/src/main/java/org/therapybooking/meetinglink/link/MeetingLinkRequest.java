package org.therapybooking.meetinglink.link;

import java.time.Instant;

import org.therapybooking.meetinglink.common.IsoInstantDeserializer;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of {@code POST /api/meeting-links}; JSON names are snake_case. The field rules (required fields, lengths,
 * e-mail syntax, role names, duration 1..1440 minutes) live in {@link MeetingLinkRequestValidator}.
 */
public record MeetingLinkRequest(
        String room,
        Participant participant,
        String role,
        Session session) {

    public record Participant(
            String id,
            String firstName,
            String lastName,
            String email,
            String displayName) {
    }

    /** The booked session window; {@code duration} in minutes. */
    public record Session(
            @JsonDeserialize(using = IsoInstantDeserializer.class) Instant startsAt,
            Integer duration) {

        public Instant endsAt() {
            return startsAt.plusSeconds(duration * 60L);
        }
    }
}
