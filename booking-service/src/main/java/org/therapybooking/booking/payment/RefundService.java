package org.therapybooking.booking.payment;

import java.util.List;

import org.therapybooking.booking.audit.AuditTrail;

import jakarta.enterprise.context.ApplicationScoped;

import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.common.PaymentStatus;
import org.therapybooking.commons.problem.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * An admin pays back a booking where money is owed: the booking is {@code cancelled} and its payment
 * {@code succeeded}. The whole amount is refunded through Stripe with the idempotency key
 * {@code booking-<id>-<created millis>-refund}, so a repeated or concurrent request makes one refund.
 */
@ApplicationScoped
public class RefundService {

    private final StripeGateway stripe;
    private final PaymentRecords records;
    private final PaymentService payments;
    private final AuditTrail audit;

    public RefundService(StripeGateway stripe, PaymentRecords records, PaymentService payments, AuditTrail audit) {
        this.audit = audit;
        this.stripe = stripe;
        this.records = records;
        this.payments = payments;
    }

    public record Refunded(long bookingId, StripeGateway.RefundResult refund, PaymentStatus paymentStatus) {
    }

    private record Owed(long bookingId, long clientUserId, String paymentIntentId, String idempotencyKey) {
    }

    /** @param actorUserId the staff member asking (audit trail) */
    public Refunded refund(long bookingId, long actorUserId) {
        Owed owed = QuarkusTransaction.requiringNew().call(() -> owed(bookingId));
        StripeGateway.RefundResult refund = stripe.refund(owed.paymentIntentId(), bookingId, owed.idempotencyKey());
        payments.applyRefund(bookingId, owed.paymentIntentId(), refund);
        audit.record(actorUserId, AuditTrail.Action.BOOKING_REFUND, List.of(owed.clientUserId()), bookingId,
                "refund " + refund.status());
        PaymentStatus status = QuarkusTransaction.requiringNew()
                .call(() -> Booking.<Booking>findById(bookingId).paymentStatus);
        return new Refunded(bookingId, refund, status);
    }

    private Owed owed(long bookingId) {
        Booking booking = Booking.findById(bookingId);
        if (booking == null) {
            throw ApiException.notFound("Booking");
        }
        if (booking.status != BookingStatus.CANCELLED || booking.paymentStatus != PaymentStatus.SUCCEEDED) {
            throw ApiException.conflict("No refund is owed: only a cancelled booking whose payment succeeded is "
                    + "refunded (this one is " + booking.status.code() + ", payment " + booking.paymentStatus.code()
                    + ")");
        }
        records.refundOf(bookingId).filter(r -> r.status() != RefundStatus.FAILED
                && r.status() != RefundStatus.CANCELED).ifPresent(r -> {
                    throw ApiException.conflict("The refund is under way");
                });
        String intent = records.succeededIntent(bookingId)
                .orElseThrow(() -> ApiException.conflict("No successful PaymentIntent is recorded for the booking"));
        return new Owed(bookingId, booking.user.id, intent, "booking-" + bookingId + "-" + booking.createdAt.toEpochMilli() + "-refund");
    }
}
