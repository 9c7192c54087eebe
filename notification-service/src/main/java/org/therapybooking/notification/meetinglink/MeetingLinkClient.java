package org.therapybooking.notification.meetinglink;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Typed client of meeting-link-service (base URL {@code quarkus.rest-client.meeting-link.url}). */
@RegisterRestClient(configKey = "meeting-link")
@Path("/api/meeting-links")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface MeetingLinkClient {

    @POST
    MeetingLinkResponse create(MeetingLinkRequest request);
}
