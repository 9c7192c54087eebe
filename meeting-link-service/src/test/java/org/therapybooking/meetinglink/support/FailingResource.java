package org.therapybooking.meetinglink.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint that fails unexpectedly, so the 500 answer can be pinned like every other error. */
@Path("/test/failing")
public class FailingResource {

    @GET
    public String fail() {
        throw new IllegalStateException("boom");
    }
}
