package org.therapybooking.booking.booking;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.therapybooking.booking.user.User;
import org.therapybooking.booking.user.UserService;

@Path("/api/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class BookingResource {

    @Inject
    BookingService bookings;

    @Inject
    BookingLinks links;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    public record CreateBookingRequest(@NotNull @Min(1) Long scheduleId, @Size(max = 2000) String notes) {
    }

    public record RescheduleRequest(@NotNull @Min(1) Long scheduleId) {
    }

    public record CancelRequest(@Size(max = 500) String reason) {
    }

    @POST
    public RestResponse<BookingView> create(@Valid @NotNull CreateBookingRequest body) {
        BookingDetails booking = bookings.book(currentUser.id(), body.scheduleId(), body.notes());
        return RestResponse.status(Response.Status.CREATED, withLink(booking));
    }

    @GET
    public BookingList listOwn() {
        User me = users.get(currentUser.id());
        List<BookingDetails> own = bookings.listOwn(me.id);
        BookingLinks.Linked linked = links.linksFor(own, me, role());
        List<BookingView> views = new ArrayList<>();
        for (int i = 0; i < own.size(); i++) {
            views.add(new BookingView(own.get(i), linked.urls().get(i), null));
        }
        return new BookingList(views, status(linked.available()));
    }

    @GET
    @Path("/{id}")
    public BookingView get(@PathParam("id") long id) {
        return withLink(bookings.get(id, currentUser.id(), currentUser.isAdmin()));
    }

    @POST
    @Path("/{id}/cancel")
    public BookingView cancel(@PathParam("id") long id, @Valid CancelRequest body) {
        return withLink(bookings.cancel(id, currentUser.id(), currentUser.isAdmin(),
                body == null ? null : body.reason()));
    }

    @PUT
    @Path("/{id}/reschedule")
    public BookingView reschedule(@PathParam("id") long id, @Valid @NotNull RescheduleRequest body) {
        return withLink(bookings.reschedule(id, currentUser.id(), body.scheduleId()));
    }

    private BookingView withLink(BookingDetails booking) {
        User me = users.get(currentUser.id());
        BookingLinks.Linked linked = links.linksFor(List.of(booking), me, role());
        return new BookingView(booking, linked.urls().get(0), status(linked.available()));
    }

    private String role() {
        return currentUser.isAdmin() ? BookingLinks.ROLE_HOST : BookingLinks.ROLE_CLIENT;
    }

    static String status(boolean available) {
        return available ? BookingViews.LINKS_AVAILABLE : BookingViews.LINKS_UNAVAILABLE;
    }
}
