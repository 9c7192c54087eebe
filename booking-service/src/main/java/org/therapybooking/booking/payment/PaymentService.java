package org.therapybooking.booking.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.outbox.OutboxWriter;

/**
 * Applies verified provider events to a booking's payment state, once per provider event id. Only a successful
 * payment publishes an event ({@code booking.paid}); the contract has no event for failures or refunds.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    /** Provider event types and the payment status each leads to. */
    static final Map<String, String> TRANSITIONS = Map.of(
            "payment_intent.succeeded", "succeeded",
            "payment_intent.payment_failed", "failed",
            "charge.refunded", "refunded");

    @Inject
    EntityManager em;

    @Inject
    OutboxWriter outbox;

    @Inject
    Clock clock;

    public enum Result { APPLIED, DUPLICATE, IGNORED }

    @Transactional
    public Result apply(String providerEventId, String type, Long bookingId) {
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        int inserted = em.createNativeQuery("insert into payment_webhook_event (provider_event_id, event_type, "
                + "booking_id, received_at) values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, providerEventId).setParameter(2, type).setParameter(3, bookingId)
                .setParameter(4, now).executeUpdate();
        if (inserted == 0) {
            return Result.DUPLICATE;
        }
        String target = TRANSITIONS.get(type);
        if (target == null || bookingId == null) {
            return Result.IGNORED;
        }
        Booking booking = Booking.lock(bookingId);
        if (booking == null) {
            LOG.warnf("payment event %s names unknown booking %d", providerEventId, bookingId);
            return Result.IGNORED;
        }
        if (!allowed(booking.paymentStatus, target)) {
            LOG.infof("payment event %s: %s -> %s not allowed, ignored", providerEventId, booking.paymentStatus,
                    target);
            return Result.IGNORED;
        }
        booking.paymentStatus = target;
        booking.updatedAt = now;
        if ("succeeded".equals(target)) {
            outbox.paid(booking);
        }
        return Result.APPLIED;
    }

    static boolean allowed(String from, String to) {
        return switch (to) {
            case "succeeded" -> from.equals("pending") || from.equals("failed");
            case "failed" -> from.equals("pending");
            case "refunded" -> from.equals("succeeded");
            default -> false;
        };
    }
}
