package org.therapybooking.booking.booking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.booking.BookingViews.MeetingLinkView;

/** A personalized link for the caller: the booking's owner joins as client, an admin as host. */
@Path("/api/meetings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class MeetingResource {

    private final BookingService bookings;
    private final BookingViewAssembler views;
    private final CurrentUser currentUser;

    public MeetingResource(BookingService bookings, BookingViewAssembler views, CurrentUser currentUser) {
        this.bookings = bookings;
        this.views = views;
        this.currentUser = currentUser;
    }

    @GET
    @Path("/{id}/link")
    public MeetingLinkView link(@PathParam("id") long id) {
        return views.meetingLink(bookings.get(id, currentUser.id(), currentUser.isAdmin(), currentUser.therapistScope()));
    }
}
