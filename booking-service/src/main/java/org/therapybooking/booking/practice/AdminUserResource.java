package org.therapybooking.booking.practice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.practice.PracticeViews.AdminUserPage;

@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminUserResource {

    private final AdminUserService users;

    public AdminUserResource(AdminUserService users) {
        this.users = users;
    }

    /** {@code q} searches names and e-mail; {@code limit} defaults to and is capped by configuration. */
    public record Query(@QueryParam("q") @Size(max = 254) String q,
            @QueryParam("limit") @Min(1) Integer limit,
            @QueryParam("offset") @Min(0) Integer offset) {
    }

    @GET
    public AdminUserPage list(@Valid @BeanParam Query query) {
        return users.list(query.q(), query.limit(), query.offset());
    }
}
