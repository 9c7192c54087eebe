package org.therapybooking.meetinglink.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.NonBlocking;

/**
 * The baseline of the load run (src/bench/load.sh): the cheapest Quarkus REST endpoint of this same service.
 * Only built in with {@code -Dbench.bare-endpoint=true}; a normal build does not contain it.
 */
@Path("/bench/bare")
@IfBuildProperty(name = "bench.bare-endpoint", stringValue = "true")
public class BareResource {

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public String bare() {
        return "{\"ok\":true}";
    }
}
