package org.therapybooking.booking.schedule;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.commons.time.InstantOrDate;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    private final ScheduleService schedules;
    private final CurrentUser currentUser;

    public ScheduleResource(ScheduleService schedules, CurrentUser currentUser) {
        this.schedules = schedules;
        this.currentUser = currentUser;
    }

    /**
     * {@code GET /api/admin/schedules}: slots starting in [from, to), each bound an instant or a date (UTC); a
     * practice admin may ask for one therapist's ({@code therapist_id}), a therapist always gets their own.
     */
    public record RangeQuery(@QueryParam("from") InstantOrDate from, @QueryParam("to") InstantOrDate to,
            @QueryParam("therapist_id") @Min(1) Long therapistId) {
    }

    /** {@code GET /api/schedules}: the open slots starting on a local date in a time zone (UTC by default). */
    public record DayQuery(@QueryParam("date") @NotNull(message = "is required (YYYY-MM-DD)") LocalDate date,
            @QueryParam("time_zone") ZoneId timeZone, @QueryParam("therapist_id") @Min(1) Long therapistId) {

        ZoneId zone() {
            return timeZone == null ? ZoneOffset.UTC : timeZone;
        }
    }

    public record ScheduleList(List<ScheduleView> schedules) {
    }

    @POST
    @Path("/admin/schedules")
    @RolesAllowed("admin")
    public RestResponse<ScheduleView> create(@Valid @NotNull SlotRequest body) {
        Long target = body.therapistId();
        if (target != null && target != currentUser.id()) {
            // slots for a colleague: a practice admin's job
            currentUser.requirePracticeAdmin();
        }
        return RestResponse.status(Response.Status.CREATED,
                schedules.create(target == null ? currentUser.id() : target, body.toChange()));
    }

    @PUT
    @Path("/admin/schedules/{id}")
    @RolesAllowed("admin")
    public ScheduleView update(@PathParam("id") long id, @Valid @NotNull SlotRequest body) {
        return schedules.update(id, body.toChange(), currentUser.therapistScope());
    }

    @GET
    @Path("/admin/schedules")
    @RolesAllowed("admin")
    public ScheduleList listAll(@Valid @BeanParam RangeQuery query) {
        Long therapist = currentUser.isTherapist() ? Long.valueOf(currentUser.id()) : query.therapistId();
        return new ScheduleList(schedules.listAll(InstantOrDate.of(query.from()), InstantOrDate.of(query.to()),
                therapist));
    }

    @GET
    @Path("/schedules")
    @PermitAll
    public ScheduleList listOpen(@Valid @BeanParam DayQuery query) {
        return new ScheduleList(schedules.listOpen(query.date(), query.zone(), query.therapistId()));
    }
}
