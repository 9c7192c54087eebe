package org.therapybooking.booking.meeting;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.booking.BookingDetails;
import org.therapybooking.booking.booking.BookingLinks;
import org.therapybooking.booking.booking.BookingService;
import org.therapybooking.booking.booking.BookingViews.MeetingLinkView;
import org.therapybooking.booking.user.User;
import org.therapybooking.booking.user.UserService;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

/** A personalized link for the caller: the booking's owner joins as client, an admin as host. */
@Path("/api/meetings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class MeetingResource {

    @Inject
    BookingService bookings;

    @Inject
    BookingLinks links;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/{id}/link")
    public MeetingLinkView link(@PathParam("id") long id) {
        boolean admin = currentUser.isAdmin();
        BookingDetails booking = bookings.get(id, currentUser.id(), admin);
        User me = users.get(currentUser.id());
        MeetingLinkResponse link = links.linkFor(booking, me,
                admin ? BookingLinks.ROLE_HOST : BookingLinks.ROLE_CLIENT);
        return new MeetingLinkView(booking.id(), link.meetingUrl(), link.displayName(), admin, booking.scheduledAt(),
                booking.duration(), booking.status());
    }
}
