package org.therapybooking.meetinglink.api;

import java.util.List;

/** Body of {@code POST /api/meeting-links/batch}: 1..meeting-links.batch.max-size requests. */
public record BatchRequest(List<MeetingLinkRequest> requests) {
}
