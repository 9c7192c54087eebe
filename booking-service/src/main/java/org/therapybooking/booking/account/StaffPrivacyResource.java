package org.therapybooking.booking.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;

/**
 * Staff export or erase a client's personal data for them (a request made by letter, say); merged with
 * AdminUserResource under {@code /api/admin/users}. Practice admins only; both leave an entry in the audit trail.
 */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class StaffPrivacyResource {

    private final ErasureService erasure;
    private final ExportService exports;
    private final CurrentUser currentUser;

    StaffPrivacyResource(ErasureService erasure, ExportService exports, CurrentUser currentUser) {
        this.erasure = erasure;
        this.exports = exports;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/{id}/export")
    public ExportService.Export export(@PathParam("id") long id) {
        currentUser.requirePracticeAdmin();
        return exports.exportByStaff(id, currentUser.id());
    }

    @DELETE
    @Path("/{id}")
    public ErasureService.Erased erase(@PathParam("id") long id) {
        currentUser.requirePracticeAdmin();
        return erasure.eraseByStaff(id, currentUser.id());
    }
}
