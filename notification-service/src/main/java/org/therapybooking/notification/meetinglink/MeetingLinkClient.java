package org.therapybooking.notification.meetinglink;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.therapybooking.meetinglink.api.MeetingLinkApi;

/** meeting-link-service's shared contract as this service's REST client ({@code quarkus.rest-client.meeting-link.*}). */
@RegisterRestClient(configKey = "meeting-link")
public interface MeetingLinkClient extends MeetingLinkApi {
}
