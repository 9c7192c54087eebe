package org.therapybooking.notification.meetinglink;

import java.time.Instant;

/** {@code POST /api/meeting-links} request of meeting-link-service (snake_case on the wire). */
public record MeetingLinkRequest(String room, Participant participant, String role, Session session) {

    public record Participant(String id, String firstName, String lastName, String email, String displayName) {
    }

    public record Session(Instant startsAt, int duration) {
    }
}
