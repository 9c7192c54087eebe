package org.therapybooking.meetinglink.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * meeting-link-service's HTTP interface, the one source for its callers: each declares
 * {@code @RegisterRestClient(configKey = "meeting-link") interface MeetingLinkClient extends MeetingLinkApi {}}.
 * Every call carries a service token: {@code Authorization: Bearer <JWT>} signed by booking-service, with
 * {@code aud} {@value #AUDIENCE} and {@value #CALLER_GROUP} in {@code groups} (docs/api.md "Internal callers").
 */
@Path(MeetingLinkApi.PATH)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface MeetingLinkApi {

    String PATH = "/api/meeting-links";
    /** The {@code aud} a caller's token must carry: tokens for other services (or users) are refused. */
    String AUDIENCE = "meeting-link-service";
    /** The group ({@code groups} claim) of service callers; user tokens never carry it. */
    String CALLER_GROUP = "service";
    /** Most links one batch call may ask for. */
    int MAX_BATCH = 200;

    @POST
    MeetingLinkResponse create(MeetingLinkRequest request);

    @POST
    @Path("/batch")
    BatchResponse batch(BatchRequest request);
}
