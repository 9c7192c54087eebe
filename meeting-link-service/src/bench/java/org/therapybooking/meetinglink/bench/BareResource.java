package org.therapybooking.meetinglink.bench;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.meetinglink.api.MeetingLinkApi;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;

import io.smallrye.common.annotation.NonBlocking;

/**
 * The baselines of the load run (src/bench/load.sh), in this same service. A source set of its own, compiled only
 * by the {@code bench} Maven profile into {@code target/bench}: the normal build and jar never contain it.
 */
@Path("/bench")
public class BareResource {

    /** The cheapest Quarkus REST endpoint: the target baseline. */
    @GET
    @Path("/bare")
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public String bare() {
        return "{\"ok\":true}";
    }

    /** POST with the same body, read as a string: the cost of receiving a request body. */
    @POST
    @Path("/post-raw")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String postRaw(String body) {
        return "{\"ok\":true}";
    }

    /** POST with the same body bound to the request record, no validation: the cost of JSON binding. */
    @POST
    @Path("/post-json")
    @NonBlocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String postJson(MeetingLinkRequest body) {
        return "{\"ok\":true}";
    }

    /** The same as post-json behind the link endpoints' service-token check: the cost of verifying the token. */
    @POST
    @Path("/post-json-auth")
    @NonBlocking
    @RolesAllowed(MeetingLinkApi.CALLER_GROUP)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String postJsonAuthenticated(MeetingLinkRequest body) {
        return "{\"ok\":true}";
    }
}
