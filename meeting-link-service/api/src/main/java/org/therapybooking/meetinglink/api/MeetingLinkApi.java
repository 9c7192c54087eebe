package org.therapybooking.meetinglink.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * meeting-link-service's HTTP interface, the one source for its callers: each declares
 * {@code @RegisterRestClient(configKey = "meeting-link") interface MeetingLinkClient extends MeetingLinkApi {}}.
 */
@Path(MeetingLinkApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface MeetingLinkApi {

    String PATH = "/api/meeting-links";
    /** Most links one batch call may ask for. */
    int MAX_BATCH = 200;

    @POST
    MeetingLinkResponse create(MeetingLinkRequest request);

    @POST
    @Path("/batch")
    BatchResponse batch(BatchRequest request);
}
