package org.therapybooking.booking.meeting;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.therapybooking.meetinglink.api.MeetingLinkApi;

/** meeting-link-service, called through the contract its api module publishes (docs/meeting-links.md). */
@RegisterRestClient(configKey = "meeting-link")
public interface MeetingLinkClient extends MeetingLinkApi {
}
