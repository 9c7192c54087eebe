package org.therapybooking.meetinglink.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The links, in the order of the requests. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchResponse(List<MeetingLinkResponse> links) {
}
