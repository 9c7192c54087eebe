package org.therapybooking.notification.admin;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.jwt.JsonWebToken;
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
    private final JsonWebToken jwt;

    AdminNotificationResource(AdminNotificationService service, JsonWebToken jwt) {
        this.service = service;
        this.jwt = jwt;
    }

    @GET
    @Path("/bookings/{bookingId}/notifications")
    public BookingNotifications forBooking(@PathParam("bookingId") @Min(1) long bookingId) {
        // a therapist's token (group therapist) reaches only the bookings they host
        Long onlyHost = jwt.getGroups().contains("therapist") ? Long.valueOf(jwt.getSubject()) : null;
        return service.forBooking(bookingId, onlyHost);
    }

    @GET
    @Path("/notifications/stats")
    public NotificationStats stats() {
        return service.stats();
    }
}
