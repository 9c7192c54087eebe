package org.therapybooking.meetinglink.link;

import java.util.List;

/**
 * Body of {@code POST /api/meeting-links/batch}: 1..meeting-links.batch.max-size requests. Checked by
 * {@link MeetingLinkRequestValidator} (shape) and {@link MeetingLinkService} (size cap, rooms).
 */
public record BatchRequest(List<MeetingLinkRequest> requests) {
}
