package org.therapybooking.booking.schedule;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.therapybooking.commons.problem.ApiException;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    ScheduleService schedules;

    @Inject
    CurrentUser currentUser;

    public record SlotRequest(
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotNull @Min(1) @Max(100) Integer capacity,
            @NotNull @DecimalMin("0.00") @DecimalMax("1000000.00") BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

        ScheduleService.SlotChange toChange() {
            return new ScheduleService.SlotChange(startsAt, endsAt, capacity, amount, currency);
        }
    }

    public record ScheduleList(List<ScheduleView> schedules) {
    }

    @POST
    @Path("/admin/schedules")
    @RolesAllowed("admin")
    public RestResponse<ScheduleView> create(@Valid @NotNull SlotRequest body) {
        return RestResponse.status(Response.Status.CREATED, schedules.create(currentUser.id(), body.toChange()));
    }

    @PUT
    @Path("/admin/schedules/{id}")
    @RolesAllowed("admin")
    public ScheduleView update(@PathParam("id") long id, @Valid @NotNull SlotRequest body) {
        return schedules.update(currentUser.id(), id, body.toChange());
    }

    @GET
    @Path("/admin/schedules")
    @RolesAllowed("admin")
    public ScheduleList listAll(@QueryParam("from") String from, @QueryParam("to") String to) {
        return new ScheduleList(schedules.listAll(instant("from", from), instant("to", to)));
    }

    @GET
    @Path("/schedules")
    @PermitAll
    public ScheduleList listOpen(@QueryParam("date") String date, @QueryParam("time_zone") String timeZone) {
        if (date == null || date.isBlank()) {
            throw ApiException.invalid("date", "is required (YYYY-MM-DD)");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("date", "must be a date YYYY-MM-DD");
        }
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ApiException.invalid("time_zone", "must be an IANA time zone id");
        }
        return new ScheduleList(schedules.listOpen(day, zone));
    }

    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneId.of("UTC")).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.invalid(field, "must be an ISO-8601 instant or a date YYYY-MM-DD");
            }
        }
    }
}
