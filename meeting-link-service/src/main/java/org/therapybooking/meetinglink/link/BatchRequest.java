package org.therapybooking.meetinglink.link;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** Body of {@code POST /api/meeting-links/batch}; the size cap is configuration (meeting-links.batch.max-size). */
public record BatchRequest(@NotEmpty List<@NotNull @Valid MeetingLinkRequest> requests) {
}
