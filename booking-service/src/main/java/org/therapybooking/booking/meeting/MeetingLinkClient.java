package org.therapybooking.booking.meeting;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** meeting-link-service's HTTP contract (see helper brief / docs/api.md). */
@RegisterRestClient(configKey = "meeting-link")
@Path("/api/meeting-links")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface MeetingLinkClient {

    @POST
    @Path("/batch")
    BatchResponse batch(BatchRequest request);

    record Participant(String id, String firstName, String lastName, String email, String displayName) {
    }

    record Session(Instant startsAt, int duration) {
    }

    record LinkRequest(String room, Participant participant, String role, Session session) {
    }

    record LinkResponse(String meetingUrl, String displayName, String role, Boolean moderatorGuaranteed,
            Instant expiresAt) {
    }

    record BatchRequest(List<LinkRequest> requests) {
    }

    record BatchResponse(List<LinkResponse> links) {
    }
}
