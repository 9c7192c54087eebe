package org.therapybooking.booking.payment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.booking.BookingService;
import org.therapybooking.booking.payment.PaymentViews.RefundView;

/** An admin refunds a booking where money is owed (RefundService says when). */
@Path("/api/admin/bookings/{id}/refund")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class RefundResource {

    private final RefundService refunds;
    private final CurrentUser currentUser;
    private final BookingService bookings;

    public RefundResource(RefundService refunds, CurrentUser currentUser, BookingService bookings) {
        this.bookings = bookings;
        this.refunds = refunds;
        this.currentUser = currentUser;
    }

    @POST
    public RefundView refund(@PathParam("id") long id) {
        // a therapist refunds only bookings in their own slots (404 for another's, as for reading it)
        bookings.get(id, currentUser.id(), true, currentUser.therapistScope());
        return RefundView.of(refunds.refund(id, currentUser.id()));
    }
}
