package org.therapybooking.meetinglink.link;

import org.therapybooking.meetinglink.api.BatchRequest;
import org.therapybooking.meetinglink.api.BatchResponse;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;

/** Internal API used by booking-service and notification-service (kept off the gateway by a NetworkPolicy). */
@Path("/api/meeting-links")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MeetingLinkResource {

    private final MeetingLinkService service;
    private final MeetingLinkRequestValidator validator;

    public MeetingLinkResource(MeetingLinkService service, MeetingLinkRequestValidator validator) {
        this.service = service;
        this.validator = validator;
    }

    /** Pure CPU work, no I/O: answered on the event loop. */
    @POST
    @NonBlocking
    public MeetingLinkResponse create(MeetingLinkRequest request) {
        validator.check(request);
        return service.build(request);
    }

    /** Up to 200 links (RS256 signatures in jaas mode add up), so on a worker thread. */
    @POST
    @Path("/batch")
    @Blocking
    public BatchResponse createBatch(BatchRequest batch) {
        validator.check(batch);
        return service.buildAll(batch);
    }
}
