package org.therapybooking.meetinglink.link;

import java.util.List;

/** Links in the order of the requests. */
public record BatchResponse(List<MeetingLinkResponse> links) {
}
