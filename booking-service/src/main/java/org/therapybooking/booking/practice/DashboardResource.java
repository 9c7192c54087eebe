package org.therapybooking.booking.practice;

import java.time.ZoneId;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.practice.PracticeViews.Dashboard;

@Path("/api/admin/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class DashboardResource {

    private final DashboardService dashboard;
    private final CurrentUser currentUser;

    public DashboardResource(DashboardService dashboard, CurrentUser currentUser) {
        this.dashboard = dashboard;
        this.currentUser = currentUser;
    }

    /**
     * {@code from}/{@code to}: instants, or dates meaning their start in {@code time_zone}; the zone defaults to the
     * calling therapist's.
     */
    public record Query(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("time_zone") ZoneId timeZone) {
    }

    @GET
    public Dashboard get(@Valid @BeanParam Query query) {
        return dashboard.dashboard(currentUser.id(), currentUser.therapistScope(), query.from(), query.to(), query.timeZone());
    }
}
