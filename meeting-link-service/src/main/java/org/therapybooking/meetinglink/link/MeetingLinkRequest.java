package org.therapybooking.meetinglink.link;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/meeting-links}; JSON names are snake_case. */
public record MeetingLinkRequest(
        @NotBlank @Size(max = 512) String room,
        @NotNull @Valid Participant participant,
        @NotNull @Pattern(regexp = Role.PATTERN, message = "must be one of client, host, observer, presenter") String role,
        @Valid Session session) {

    public record Participant(
            @Size(max = 128) String id,
            @Size(max = 256) String firstName,
            @Size(max = 256) String lastName,
            @Email @Size(max = 320) String email,
            @Size(max = 512) String displayName) {
    }

    /** The booked session window; {@code duration} in minutes. */
    public record Session(
            @NotNull Instant startsAt,
            @NotNull @Min(1) @Max(1440) Integer duration) {

        public Instant endsAt() {
            return startsAt.plusSeconds(duration * 60L);
        }
    }
}
