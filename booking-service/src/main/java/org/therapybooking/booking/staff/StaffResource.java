package org.therapybooking.booking.staff;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.user.Role;
import org.therapybooking.commons.persistence.Coded;
import org.therapybooking.commons.time.TimeZoneId;

/** The practice's staff (docs/api.md "Staff"): every staff member reads the list, practice admins change it. */
@Path("/api/admin/therapists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class StaffResource {

    private final StaffService staff;
    private final CurrentUser currentUser;

    StaffResource(StaffService staff, CurrentUser currentUser) {
        this.staff = staff;
        this.currentUser = currentUser;
    }

    public record NewStaffRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @TimeZoneId String timeZone,
            @Pattern(regexp = "therapist|practice_admin", message = "must be therapist or practice_admin") String role) {
    }

    public record StaffList(List<StaffService.StaffView> staff) {
    }

    @GET
    public StaffList list() {
        return new StaffList(staff.list());
    }

    @POST
    public RestResponse<StaffService.StaffView> create(@Valid @NotNull NewStaffRequest body) {
        currentUser.requirePracticeAdmin();
        Role role = body.role() == null ? Role.THERAPIST : Coded.fromCode(Role.class, body.role());
        return RestResponse.status(Response.Status.CREATED, staff.create(new StaffService.NewStaff(body.email(),
                body.firstName(), body.lastName(), body.timeZone(), role)));
    }

    @POST
    @Path("/{id}/deactivate")
    public StaffService.StaffView deactivate(@PathParam("id") long id) {
        currentUser.requirePracticeAdmin();
        return staff.deactivate(id, currentUser.id());
    }

    @POST
    @Path("/{id}/reactivate")
    public StaffService.StaffView reactivate(@PathParam("id") long id) {
        currentUser.requirePracticeAdmin();
        return staff.reactivate(id);
    }
}
