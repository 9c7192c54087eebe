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

import org.therapybooking.booking.audit.AuditTrail;
import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.practice.PracticeViews.AdminUserPage;

@Path("/api/admin/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AdminUserResource {

    private final AdminUserService users;
    private final AuditTrail audit;
    private final CurrentUser currentUser;

    public AdminUserResource(AdminUserService users, AuditTrail audit, CurrentUser currentUser) {
        this.users = users;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** {@code q} searches names and e-mail; {@code limit} defaults to and is capped by configuration. */
    public record Query(@QueryParam("q") @Size(max = 254) String q,
            @QueryParam("limit") @Min(1) Integer limit,
            @QueryParam("offset") @Min(0) Integer offset) {
    }

    @GET
    public AdminUserPage list(@Valid @BeanParam Query query) {
        AdminUserPage page = users.list(query.q(), currentUser.therapistScope(), query.limit(), query.offset());
        audit.record(currentUser.id(), AuditTrail.Action.USERS_LIST, page.users().stream().map(u -> u.id()).toList(),
                null, "q=" + query.q() + " offset=" + page.offset() + " limit=" + page.limit());
        return page;
    }
}
