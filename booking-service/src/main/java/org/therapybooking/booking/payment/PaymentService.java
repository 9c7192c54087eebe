package org.therapybooking.booking.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.booking.BookingEvents;
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.common.PaymentStatus;
import org.therapybooking.commons.persistence.Coded;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.ProblemType;

/**
 * The one place a booking's payment state changes: provider events of the webhook (once per provider event id),
 * the PaymentIntent a client's confirm retrieved from Stripe, and a refund an admin made. All three go through
 * {@link #transition}, so a confirm and a webhook for one payment record it once: the second finds the booking
 * {@code succeeded} already and changes nothing. Only a successful payment of a booking that is still
 * {@code scheduled} publishes an event ({@code booking.paid}); the contract has no event for failures or refunds.
 * The payment's amount and currency must be the booking's: a mismatch is refused (422) and nothing is recorded. A
 * payment that succeeds for a booking that is no longer scheduled (cancelled) is recorded as {@code succeeded}
 * (the money was taken and a refund is owed) but publishes nothing, so no "payment received" notice goes out for
 * a session that will not happen.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    /** Provider event types and the payment status each leads to. */
    static final Map<String, PaymentStatus> TRANSITIONS = Map.of(
            "payment_intent.succeeded", PaymentStatus.SUCCEEDED,
            "payment_intent.payment_failed", PaymentStatus.FAILED,
            "charge.refunded", PaymentStatus.REFUNDED);

    private final EntityManager em;
    private final BookingEvents events;
    private final PaymentRecords records;
    private final Clock clock;

    public PaymentService(EntityManager em, BookingEvents events, PaymentRecords records, Clock clock) {
        this.em = em;
        this.events = events;
        this.records = records;
        this.clock = clock;
    }

    public enum Result implements Coded { APPLIED, DUPLICATE, IGNORED }

    /** The payment's amount in the currency's minor units (cents for EUR) and its ISO 4217 code, any case. */
    public record Money(long minorUnits, String currency) {
    }

    /**
     * A verified webhook event.
     *
     * @param money the event's amount and currency; required for the event types in {@link #TRANSITIONS} that name
     *        a booking
     * @param paymentIntentId the PaymentIntent a {@code payment_intent.*} event is about, else null
     */
    @Transactional
    public Result apply(String providerEventId, String type, Long bookingId, Money money, String paymentIntentId) {
        Instant now = clock.instant();
        int inserted = em.createNativeQuery("insert into payment_webhook_event (provider_event_id, event_type, "
                + "booking_id, received_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, providerEventId).setParameter(2, type).setParameter(3, bookingId)
                .setParameter(4, now).executeUpdate();
        if (inserted == 0) {
            return Result.DUPLICATE;
        }
        PaymentStatus target = TRANSITIONS.get(type);
        if (target == null || bookingId == null) {
            return Result.IGNORED;
        }
        return transition(bookingId, target, money, "payment event " + providerEventId,
                target == PaymentStatus.SUCCEEDED ? paymentIntentId : null);
    }

    /**
     * The state of a PaymentIntent as Stripe answered it: its status is recorded, and a succeeded intent moves the
     * booking to {@code succeeded} exactly as {@code payment_intent.succeeded} does. Other states change nothing:
     * a failed attempt leaves the intent open for another payment method, and Stripe's webhook reports it.
     */
    @Transactional
    public Result applyIntent(long bookingId, StripeGateway.Intent intent) {
        records.intentStatus(intent.id(), bookingId, intent.status(), clock.instant());
        if (intent.status() != IntentStatus.SUCCEEDED) {
            return Result.IGNORED;
        }
        return transition(bookingId, PaymentStatus.SUCCEEDED, new Money(intent.amount(), intent.currency()),
                "PaymentIntent " + intent.id(), intent.id());
    }

    /**
     * A refund Stripe accepted: recorded; a {@code succeeded} refund moves the booking to {@code refunded} as
     * {@code charge.refunded} does, a pending one waits for that event.
     */
    @Transactional
    public Result applyRefund(long bookingId, String paymentIntentId, StripeGateway.RefundResult refund) {
        records.recordRefund(refund.id(), bookingId, paymentIntentId, refund.status(), clock.instant());
        if (refund.status() != RefundStatus.SUCCEEDED) {
            return Result.IGNORED;
        }
        return transition(bookingId, PaymentStatus.REFUNDED, new Money(refund.amount(), refund.currency()),
                "refund " + refund.id(), null);
    }

    private Result transition(long bookingId, PaymentStatus target, Money money, String source,
            String succeededIntentId) {
        Instant now = clock.instant();
        Booking booking = Booking.lock(bookingId);
        if (booking == null) {
            LOG.warnf("%s names unknown booking %d", source, bookingId);
            return Result.IGNORED;
        }
        if (!matches(booking, money)) {
            LOG.warnf("%s for booking %d refused: amount %s %s does not match the booking's %s %s "
                    + "(%s minor units)", source, bookingId, money.minorUnits(), money.currency(),
                    booking.amount.toPlainString(), booking.currency,
                    expectedMinorUnits(booking).toPlainString());
            // thrown inside the transaction: whatever it recorded (the event id) is rolled back
            throw new ApiException(ProblemType.UNPROCESSABLE,
                    "The payment's amount or currency does not match the booking");
        }
        if (succeededIntentId != null) {
            records.intentStatus(succeededIntentId, bookingId, IntentStatus.SUCCEEDED, now);
        }
        if (!booking.paymentStatus.canBecome(target)) {
            LOG.infof("%s: %s -> %s not allowed, ignored", source, booking.paymentStatus, target);
            return Result.IGNORED;
        }
        booking.paymentStatus = target;
        booking.updatedAt = now;
        if (target == PaymentStatus.SUCCEEDED) {
            if (booking.status != BookingStatus.CANCELLED) {
                // a session that is over may still be paid (after it, or a no-show fee)
                events.paid(booking);
            } else {
                LOG.warnf("%s: booking %d is %s but its payment succeeded; recorded, no booking.paid published, a "
                        + "refund is owed", source, bookingId, booking.status.code());
            }
        }
        return Result.APPLIED;
    }

    static boolean matches(Booking booking, Money money) {
        return booking.currency.equalsIgnoreCase(money.currency())
                && expectedMinorUnits(booking).compareTo(BigDecimal.valueOf(money.minorUnits())) == 0;
    }

    /** The booking's price in minor units, by the currency's ISO 4217 exponent (2 for EUR, 0 for JPY). */
    public static BigDecimal expectedMinorUnits(Booking booking) {
        int digits;
        try {
            digits = Currency.getInstance(booking.currency.toUpperCase(java.util.Locale.ROOT))
                    .getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return booking.amount.movePointRight(Math.max(digits, 0));
    }
}
