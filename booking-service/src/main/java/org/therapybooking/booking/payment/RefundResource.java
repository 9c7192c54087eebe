package org.therapybooking.booking.payment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.payment.PaymentViews.RefundView;

/** An admin refunds a booking where money is owed (RefundService says when). */
@Path("/api/admin/bookings/{id}/refund")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class RefundResource {

    private final RefundService refunds;

    public RefundResource(RefundService refunds) {
        this.refunds = refunds;
    }

    @POST
    public RefundView refund(@PathParam("id") long id) {
        return RefundView.of(refunds.refund(id));
    }
}
