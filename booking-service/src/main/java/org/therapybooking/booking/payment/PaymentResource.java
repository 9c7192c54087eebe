package org.therapybooking.booking.payment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.booking.auth.CurrentUser;
import org.therapybooking.booking.payment.PaymentViews.ConfirmView;
import org.therapybooking.booking.payment.PaymentViews.IntentView;

/** A client pays their booking through Stripe. */
@Path("/api/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("user")
public class PaymentResource {

    private final CheckoutService checkout;
    private final CurrentUser currentUser;

    public PaymentResource(CheckoutService checkout, CurrentUser currentUser) {
        this.checkout = checkout;
        this.currentUser = currentUser;
    }

    public record IntentRequest(@NotNull @Min(1) Long bookingId) {
    }

    public record ConfirmRequest(
            @NotNull @Pattern(regexp = "pi_[A-Za-z0-9_]{1,250}", message = "must be a PaymentIntent id") String paymentIntentId) {
    }

    @POST
    @Path("/intent")
    public IntentView intent(@Valid @NotNull IntentRequest body) {
        return IntentView.of(body.bookingId(), checkout.intent(body.bookingId(), currentUser.id()));
    }

    @POST
    @Path("/confirm")
    public ConfirmView confirm(@Valid @NotNull ConfirmRequest body) {
        return ConfirmView.of(checkout.confirm(body.paymentIntentId(), currentUser.id()));
    }
}
