package org.therapybooking.booking.booking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.booking.BookingViews.BookingList;
import org.therapybooking.booking.booking.BookingViews.BookingView;

@Path("/api/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class BookingResource {

    private final BookingService bookings;
    private final BookingViewAssembler views;
    private final CurrentUser currentUser;

    public BookingResource(BookingService bookings, BookingViewAssembler views, CurrentUser currentUser) {
        this.bookings = bookings;
        this.views = views;
        this.currentUser = currentUser;
    }

    public record CreateBookingRequest(@NotNull @Min(1) Long scheduleId, @Size(max = 2000) String notes) {
    }

    public record RescheduleRequest(@NotNull @Min(1) Long scheduleId) {
    }

    public record CancelRequest(@Size(max = 500) String reason) {
    }

    @POST
    public RestResponse<BookingView> create(@Valid @NotNull CreateBookingRequest body) {
        BookingDetails booking = bookings.book(currentUser.id(), body.scheduleId(), body.notes());
        return RestResponse.status(Response.Status.CREATED, views.view(booking));
    }

    @GET
    public BookingList listOwn() {
        return views.list(bookings.listOwn(currentUser.id()));
    }

    @GET
    @Path("/{id}")
    public BookingView get(@PathParam("id") long id) {
        return views.view(bookings.get(id, currentUser.id(), currentUser.isAdmin()));
    }

    @POST
    @Path("/{id}/cancel")
    public BookingView cancel(@PathParam("id") long id, @Valid CancelRequest body) {
        return views.view(bookings.cancel(id, currentUser.id(), currentUser.isAdmin(),
                body == null ? null : body.reason()));
    }

    @PUT
    @Path("/{id}/reschedule")
    public BookingView reschedule(@PathParam("id") long id, @Valid @NotNull RescheduleRequest body) {
        return views.view(bookings.reschedule(id, currentUser.id(), body.scheduleId()));
    }
}
