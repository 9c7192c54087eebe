package org.therapybooking.booking.payment;

import org.therapybooking.booking.common.PaymentStatus;

/** The answers of the payment endpoints (snake_case on the wire). */
public final class PaymentViews {

    private PaymentViews() {
    }

    /**
     * The PaymentIntent to pay a booking with: {@code client_secret} goes to Stripe.js in the paying client's
     * browser; {@code amount} is in the currency's minor units and {@code currency} lower case, as Stripe has them.
     */
    public record IntentView(long bookingId, String paymentIntentId, String clientSecret, long amount,
            String currency, String status) {

        static IntentView of(long bookingId, StripeGateway.Intent intent) {
            return new IntentView(bookingId, intent.id(), intent.clientSecret(), intent.amount(), intent.currency(),
                    intent.status().code());
        }

        @Override
        public String toString() {
            return "IntentView[" + bookingId + ", " + paymentIntentId + ", " + status + "]";
        }
    }

    /** {@code status} is the intent's at Stripe, {@code payment_status} the booking's after applying it. */
    public record ConfirmView(long bookingId, String paymentIntentId, String status, PaymentStatus paymentStatus) {

        static ConfirmView of(CheckoutService.Confirmation confirmation) {
            return new ConfirmView(confirmation.bookingId(), confirmation.intent().id(),
                    confirmation.intent().status().code(), confirmation.paymentStatus());
        }
    }

    /** {@code status} is the refund's at Stripe, {@code payment_status} the booking's after applying it. */
    public record RefundView(long bookingId, String refundId, String status, PaymentStatus paymentStatus) {

        static RefundView of(RefundService.Refunded refunded) {
            return new RefundView(refunded.bookingId(), refunded.refund().id(), refunded.refund().status().code(),
                    refunded.paymentStatus());
        }
    }
}
