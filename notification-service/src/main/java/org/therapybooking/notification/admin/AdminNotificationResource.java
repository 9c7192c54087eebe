package org.therapybooking.notification.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** What was (or will be) sent for a booking, for support staff. Admin token required. */
@Path("/api/admin")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
public class AdminNotificationResource {

    private final AdminNotificationService service;

    AdminNotificationResource(AdminNotificationService service) {
        this.service = service;
    }

    @GET
    @Path("/bookings/{bookingId}/notifications")
    public BookingNotifications forBooking(@PathParam("bookingId") @Min(1) long bookingId) {
        return service.forBooking(bookingId);
    }

    @GET
    @Path("/notifications/stats")
    public NotificationStats stats() {
        return service.stats();
    }
}
