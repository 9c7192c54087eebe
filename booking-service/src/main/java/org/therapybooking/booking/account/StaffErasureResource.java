package org.therapybooking.booking.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;

/** Staff erase a client's personal data for them; merged with AdminUserResource under {@code /api/admin/users}. */
@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class StaffErasureResource {

    private final ErasureService erasure;
    private final CurrentUser currentUser;

    StaffErasureResource(ErasureService erasure, CurrentUser currentUser) {
        this.erasure = erasure;
        this.currentUser = currentUser;
    }

    @DELETE
    @Path("/{id}")
    public ErasureService.Erased erase(@PathParam("id") long id) {
        return erasure.eraseByStaff(id, currentUser.id());
    }
}
