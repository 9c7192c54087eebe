package org.therapybooking.booking.meeting;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.therapybooking.meetinglink.api.MeetingLinkApi;

/**
 * meeting-link-service, called through the contract its api module publishes (docs/meeting-links.md), with
 * booking-service's service token on every call.
 */
@RegisterRestClient(configKey = "meeting-link")
@RegisterClientHeaders(ServiceTokenHeaders.class)
public interface MeetingLinkClient extends MeetingLinkApi {
}
