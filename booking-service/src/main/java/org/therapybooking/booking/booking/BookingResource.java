package org.therapybooking.booking.booking;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.therapybooking.booking.audit.AuditTrail;
import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.booking.BookingViews.BookingList;
import org.therapybooking.booking.booking.BookingViews.BookingView;
import org.therapybooking.commons.problem.ApiException;

@Path("/api/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class BookingResource {

    private final BookingService bookings;
    private final BookingViewAssembler views;
    private final CurrentUser currentUser;

    private final AuditTrail audit;

    public BookingResource(BookingService bookings, BookingViewAssembler views, CurrentUser currentUser,
            AuditTrail audit) {
        this.audit = audit;
        this.bookings = bookings;
        this.views = views;
        this.currentUser = currentUser;
    }

    /** The original API's body: {@code duration} is the booked minutes (absent: the slot's length). */
    public record CreateBookingRequest(@NotNull @Min(1) Long scheduleId, @Min(1) @Max(1440) Integer duration,
            @Size(max = 2000) String notes) {
    }

    /**
     * {@code new_schedule_id} is the original API's name, {@code schedule_id} this project's; either is accepted,
     * both only with the same value.
     */
    public record RescheduleRequest(@Min(1) Long newScheduleId, @Min(1) Long scheduleId) {

        long target() {
            if (newScheduleId == null && scheduleId == null) {
                throw ApiException.invalid("new_schedule_id", "is required (or schedule_id)");
            }
            if (newScheduleId != null && scheduleId != null && !newScheduleId.equals(scheduleId)) {
                throw ApiException.invalid("schedule_id", "differs from new_schedule_id (the same field in the "
                        + "original API's name); send one of them");
            }
            return newScheduleId != null ? newScheduleId : scheduleId;
        }
    }

    public record CancelRequest(@Size(max = 500) String reason) {
    }

    @POST
    public RestResponse<BookingView> create(@Valid @NotNull CreateBookingRequest body) {
        BookingDetails booking = bookings.book(currentUser.id(), body.scheduleId(), body.duration(), body.notes());
        return RestResponse.status(Response.Status.CREATED, views.view(booking));
    }

    @GET
    public BookingList listOwn() {
        return views.list(bookings.listOwn(currentUser.id()));
    }

    @GET
    @Path("/{id}")
    public BookingView get(@PathParam("id") long id) {
        BookingDetails booking = bookings.get(id, currentUser.id(), currentUser.isAdmin(), currentUser.therapistScope());
        if (booking.userId() != currentUser.id()) {
            // staff reading a client's booking
            audit.record(currentUser.id(), AuditTrail.Action.BOOKING_READ, List.of(booking.userId()), booking.id(), null);
        }
        return views.view(booking);
    }

    @POST
    @Path("/{id}/cancel")
    public BookingView cancel(@PathParam("id") long id, @Valid CancelRequest body) {
        return views.view(bookings.cancel(id, currentUser.id(), currentUser.isAdmin(), currentUser.therapistScope(),
                body == null ? null : body.reason()));
    }

    @PUT
    @Path("/{id}/reschedule")
    public BookingView reschedule(@PathParam("id") long id, @Valid @NotNull RescheduleRequest body) {
        return views.view(bookings.reschedule(id, currentUser.id(), body.target()));
    }
}
