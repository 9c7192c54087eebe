package org.therapybooking.booking.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.therapybooking.commons.persistence.Coded;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The PaymentIntents and refunds known per booking ({@code payment_intent}, {@code payment_refund}). A repository,
 * because the conflict handling of the inserts is the point: two requests that raced to Stripe with one
 * idempotency key got one object there and record one row here.
 */
@ApplicationScoped
public class PaymentRecords {

    private final EntityManager em;

    public PaymentRecords(EntityManager em) {
        this.em = em;
    }

    /** An intent this service created for a booking, as last seen. */
    public record Attempt(String intentId, int attempt, IntentStatus status) {
    }

    public record RefundRow(String id, String paymentIntentId, RefundStatus status) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Attempt> latestAttempt(long bookingId) {
        List<?> rows = em.createNativeQuery("select id, attempt, status from payment_intent where booking_id = ?1 "
                + "and attempt is not null order by attempt desc limit 1").setParameter(1, bookingId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new Attempt((String) row[0],
                ((Number) row[1]).intValue(), Coded.fromCode(IntentStatus.class, (String) row[2]))).findFirst();
    }

    /** Records an intent created for {@code attempt}; nothing when that attempt is recorded already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAttempt(String intentId, long bookingId, int attempt, IntentStatus status, Instant now) {
        em.createNativeQuery("insert into payment_intent (id, booking_id, attempt, status, created_at, updated_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?5) on conflict do nothing").setParameter(1, intentId)
                .setParameter(2, bookingId).setParameter(3, attempt).setParameter(4, status.code())
                .setParameter(5, now).executeUpdate();
    }

    /** The booking an intent is recorded for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> bookingOf(String intentId) {
        List<?> rows = em.createNativeQuery("select booking_id from payment_intent where id = ?1")
                .setParameter(1, intentId).getResultList();
        return rows.stream().map(id -> ((Number) id).longValue()).findFirst();
    }

    /** The intent's status as last seen; an intent not created here (seen in a webhook) is recorded without attempt. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void intentStatus(String intentId, long bookingId, IntentStatus status, Instant now) {
        em.createNativeQuery("insert into payment_intent (id, booking_id, attempt, status, created_at, updated_at) "
                + "values (?1, ?2, null, ?3, ?4, ?4) on conflict (id) do update set status = excluded.status, "
                + "updated_at = excluded.updated_at").setParameter(1, intentId).setParameter(2, bookingId)
                .setParameter(3, status.code()).setParameter(4, now).executeUpdate();
    }

    /** The intent whose payment succeeded for the booking (the one a refund pays back). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> succeededIntent(long bookingId) {
        List<?> rows = em.createNativeQuery("select id from payment_intent where booking_id = ?1 and status = ?2 "
                + "order by updated_at desc limit 1").setParameter(1, bookingId)
                .setParameter(2, IntentStatus.SUCCEEDED.code()).getResultList();
        return rows.stream().map(id -> (String) id).findFirst();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RefundRow> refundOf(long bookingId) {
        List<?> rows = em.createNativeQuery("select id, payment_intent_id, status from payment_refund "
                + "where booking_id = ?1").setParameter(1, bookingId).getResultList();
        return rows.stream().map(row -> (Object[]) row).map(row -> new RefundRow((String) row[0], (String) row[1],
                Coded.fromCode(RefundStatus.class, (String) row[2]))).findFirst();
    }

    /** Records the booking's refund, or its new status when it is recorded already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRefund(String refundId, long bookingId, String paymentIntentId, RefundStatus status,
            Instant now) {
        em.createNativeQuery("insert into payment_refund (id, booking_id, payment_intent_id, status, created_at, "
                + "updated_at) values (?1, ?2, ?3, ?4, ?5, ?5) on conflict (id) do update set status = "
                + "excluded.status, updated_at = excluded.updated_at").setParameter(1, refundId)
                .setParameter(2, bookingId).setParameter(3, paymentIntentId).setParameter(4, status.code())
                .setParameter(5, now).executeUpdate();
    }
}
