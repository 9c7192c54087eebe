package org.therapybooking.meetinglink.link;

import jakarta.annotation.security.RolesAllowed;

import org.therapybooking.meetinglink.api.BatchRequest;
import org.therapybooking.meetinglink.api.BatchResponse;
import org.therapybooking.meetinglink.api.MeetingLinkApi;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;

/**
 * Internal API used by booking-service and notification-service. Paths, methods and media types come from
 * {@link MeetingLinkApi}, the contract the callers' clients are made of. Only service tokens are answered
 * (audience {@value MeetingLinkApi#AUDIENCE}, group {@value MeetingLinkApi#CALLER_GROUP}; application.properties
 * says how they are verified); the NetworkPolicy that admits only the two callers' pods is the second wall.
 */
@RolesAllowed(MeetingLinkApi.CALLER_GROUP)
public class MeetingLinkResource implements MeetingLinkApi {

    private final MeetingLinkService service;
    private final MeetingLinkRequestValidator validator;

    public MeetingLinkResource(MeetingLinkService service, MeetingLinkRequestValidator validator) {
        this.service = service;
        this.validator = validator;
    }

    /** Pure CPU work, no I/O: answered on the event loop. */
    @Override
    @NonBlocking
    public MeetingLinkResponse create(MeetingLinkRequest request) {
        validator.check(request);
        return service.build(request);
    }

    /** Up to {@link MeetingLinkApi#MAX_BATCH} links (RS256 signatures in jaas mode add up), so on a worker thread. */
    @Override
    @Blocking
    public BatchResponse batch(BatchRequest batch) {
        validator.check(batch);
        return service.buildAll(batch);
    }
}
