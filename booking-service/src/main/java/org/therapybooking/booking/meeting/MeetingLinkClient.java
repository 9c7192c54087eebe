package org.therapybooking.booking.meeting;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;

/**
 * meeting-link-service's HTTP contract (see docs/meeting-links.md). Responses are read leniently: fields this
 * client does not know are ignored (the service-wide {@code fail-on-unknown-properties} guards our own API's
 * request bodies, not a dependency's answers), so a new response field cannot make every link "unavailable".
 * Requests carry only what the service needs: no e-mail address (the service's e-mail fallback for display
 * names is off by default, and every account here has a name).
 */
@RegisterRestClient(configKey = "meeting-link")
@Path("/api/meeting-links")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface MeetingLinkClient {

    @POST
    @Path("/batch")
    BatchResponse batch(BatchRequest request);

    /** The service-wide mapper (snake_case, ...) without fail-on-unknown-properties, for this client only. */
    @ClientObjectMapper
    static ObjectMapper lenientReader(ObjectMapper serviceMapper) {
        return serviceMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    record Participant(String id, String firstName, String lastName) {
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
