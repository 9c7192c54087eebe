package org.therapybooking.meetinglink.api;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Body of {@code POST /api/meeting-links} (and one entry of a batch); snake_case on the wire. The service's
 * validator holds the field rules (required fields, lengths, role names, duration 1..1440 minutes).
 *
 * <p>Callers send the participant's id and names only: the e-mail address is accepted for a display-name
 * fallback, but the callers here never need it (every account has a name), so it stays with them.
 */
public record MeetingLinkRequest(String room, Participant participant, String role, Session session) {

    public record Participant(String id, String firstName, String lastName, String email, String displayName) {

        /** The privacy-safe participant both callers send: id and names, nothing else. */
        public static Participant named(String id, String firstName, String lastName) {
            return new Participant(id, firstName, lastName, null, null);
        }
    }

    /** The booked session window; {@code duration} in minutes. */
    public record Session(@JsonDeserialize(using = IsoInstantDeserializer.class) Instant startsAt, Integer duration) {

        public Instant endsAt() {
            return startsAt.plusSeconds(duration * 60L);
        }
    }
}
