package org.therapybooking.booking.payment;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.common.PaymentStatus;
import org.therapybooking.commons.problem.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A client pays a booking: {@link #intent} gives the PaymentIntent to pay with (the open one, or a new one), and
 * {@link #confirm} applies what Stripe says about it. Stripe is called outside any database transaction; the
 * idempotency key {@code booking-<id>-<created millis>-intent-<attempt>} makes a retried or concurrent create one
 * intent at Stripe, and the {@code (booking, attempt)} key one row here.
 */
@ApplicationScoped
public class CheckoutService {

    private final StripeGateway stripe;
    private final PaymentRecords records;
    private final PaymentService payments;
    private final Clock clock;

    public CheckoutService(StripeGateway stripe, PaymentRecords records, PaymentService payments, Clock clock) {
        this.stripe = stripe;
        this.records = records;
        this.payments = payments;
        this.clock = clock;
    }

    /** What paying a booking needs, read in one transaction. */
    private record Payable(long bookingId, long createdAtMillis, long amountMinorUnits, String currency,
            Optional<PaymentRecords.Attempt> latest) {

        String idempotencyKey(int attempt) {
            return "booking-" + bookingId + "-" + createdAtMillis + "-intent-" + attempt;
        }
    }

    /**
     * The booking's open PaymentIntent, or a new one when there is none or the last was canceled. Owner only (404
     * for anyone else); the booking must be scheduled and not paid (409).
     */
    public StripeGateway.Intent intent(long bookingId, long callerId) {
        Payable payable = QuarkusTransaction.requiringNew().call(() -> payable(bookingId, callerId));
        int attempt = 1;
        if (payable.latest().isPresent()) {
            StripeGateway.Intent current = stripe.retrieveIntent(payable.latest().get().intentId());
            if (current.status() == IntentStatus.SUCCEEDED) {
                // paid, and neither the confirm nor the webhook has told us yet
                payments.applyIntent(bookingId, current);
                throw ApiException.conflict("The booking is paid already");
            }
            if (current.status().isOpen()) {
                QuarkusTransaction.requiringNew().run(() -> records.intentStatus(current.id(), bookingId,
                        current.status(), clock.instant()));
                return current;
            }
            attempt = payable.latest().get().attempt() + 1;
        }
        int number = attempt;
        StripeGateway.Intent created = stripe.createIntent(bookingId, number, payable.amountMinorUnits(),
                payable.currency(), payable.idempotencyKey(number));
        QuarkusTransaction.requiringNew().run(() -> records.recordAttempt(created.id(), bookingId, number,
                created.status(), clock.instant()));
        return created;
    }

    /** The result of a confirm: the intent as Stripe has it, and the booking's payment status after applying it. */
    public record Confirmation(long bookingId, StripeGateway.Intent intent, PaymentStatus paymentStatus) {
    }

    /**
     * Retrieves the intent from Stripe and applies its state as the webhook would (idempotent). Only the owner of
     * the intent's booking may ask; anyone else, and any intent not created here, is 404.
     */
    public Confirmation confirm(String paymentIntentId, long callerId) {
        long bookingId = QuarkusTransaction.requiringNew().call(() -> records.bookingOf(paymentIntentId)
                .filter(id -> {
                    Booking booking = Booking.findById(id);
                    return booking != null && booking.user.id == callerId;
                }).orElseThrow(() -> ApiException.notFound("Payment intent")));
        StripeGateway.Intent intent = stripe.retrieveIntent(paymentIntentId);
        payments.applyIntent(bookingId, intent);
        PaymentStatus status = QuarkusTransaction.requiringNew()
                .call(() -> Booking.<Booking>findById(bookingId).paymentStatus);
        return new Confirmation(bookingId, intent, status);
    }

    private Payable payable(long bookingId, long callerId) {
        Booking booking = Booking.findById(bookingId);
        if (booking == null || booking.user.id != callerId) {
            throw ApiException.notFound("Booking");
        }
        if (booking.status == BookingStatus.CANCELLED) {
            throw ApiException.conflict("A cancelled booking cannot be paid");
        }
        if (booking.paymentStatus != PaymentStatus.PENDING && booking.paymentStatus != PaymentStatus.FAILED) {
            throw ApiException.conflict("The booking is paid already");
        }
        return new Payable(booking.id, booking.createdAt.toEpochMilli(),
                PaymentService.expectedMinorUnits(booking).longValueExact(), booking.currency,
                records.latestAttempt(bookingId));
    }
}
