package org.therapybooking.booking.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;

/** The person's own export (docs/privacy.md "Export"); merged with AuthResource under {@code /api/auth}. */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    private final ExportService exports;
    private final CurrentUser currentUser;

    ExportResource(ExportService exports, CurrentUser currentUser) {
        this.exports = exports;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/me/export")
    @RolesAllowed("user")
    public ExportService.Export export() {
        return exports.export(currentUser.id());
    }
}
