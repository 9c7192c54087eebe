package org.therapybooking.notification.meetinglink;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.therapybooking.meetinglink.api.MeetingLinkApi;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * meeting-link-service's shared contract as this service's REST client ({@code quarkus.rest-client.meeting-link.*}).
 * Every call carries the service token the OIDC client obtains from booking-service ({@code quarkus.oidc-client.*}).
 */
@RegisterRestClient(configKey = "meeting-link")
@OidcClientFilter
public interface MeetingLinkClient extends MeetingLinkApi {
}
