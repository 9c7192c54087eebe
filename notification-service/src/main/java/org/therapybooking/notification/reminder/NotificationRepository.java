package org.therapybooking.notification.reminder;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The SQL of the dispatch loop; each method is its own short transaction. */
@ApplicationScoped
public class NotificationRepository {

    /**
     * Due rows, oldest first, skipping rows another worker has locked. Served by the partial index on
     * (due_at) WHERE status = 'pending'.
     */
    public static final String CLAIM_SQL = """
            SELECT id FROM notification
            WHERE status = 'pending' AND due_at <= ?1 AND next_attempt_at <= ?1
            ORDER BY due_at
            LIMIT ?2
            FOR UPDATE SKIP LOCKED""";

    private final EntityManager em;

    NotificationRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims up to {@code limit} due rows for this worker: locks them (skipping rows locked by other workers),
     * moves them to 'sending' with a lease and counts the attempt. After the commit no other worker sees them
     * as pending, so no two workers send the same row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<Long> claim(Instant now, int limit, Instant leaseUntil) {
        List<Number> ids = em.createNativeQuery(CLAIM_SQL).setParameter(1, now).setParameter(2, limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        em.createQuery("""
                update Notification n set n.status = :sending, n.attempts = n.attempts + 1, n.claimedUntil = :lease,
                       n.updatedAt = :now where n.id in :ids""")
                .setParameter("sending", NotificationStatus.sending).setParameter("lease", leaseUntil)
                .setParameter("now", now).setParameter("ids", claimed)
                .executeUpdate();
        return claimed;
    }

    /** Rows left in 'sending' by a worker that died go back to pending once their lease expired. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseExpiredLeases(Instant now) {
        return em.createNativeQuery("""
                UPDATE notification SET status = 'pending', claimed_until = NULL, updated_at = ?1,
                       last_error = 'lease expired while sending; returned to the queue'
                WHERE status = 'sending' AND claimed_until < ?1""")
                .setParameter(1, now).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claimed load(long id) {
        Notification n = Notification.findById(id);
        BookingRecord b = BookingRecord.findById(n.bookingId);
        em.detach(n);
        em.detach(b);
        return new Claimed(n, b);
    }

    /** Finishes a claimed row; only while this worker still holds it ('sending'). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean finish(Notification claimed, NotificationStatus status, Instant now, String error,
            Instant nextAttemptAt) {
        return em.createQuery("""
                update Notification n set n.status = :status, n.updatedAt = :now, n.lastError = :error,
                       n.claimedUntil = null, n.sentAt = :sentAt, n.nextAttemptAt = :next
                where n.id = :id and n.status = :sending""")
                .setParameter("status", status).setParameter("now", now).setParameter("error", error)
                .setParameter("sentAt", status == NotificationStatus.sent ? now : null)
                .setParameter("next", nextAttemptAt == null ? claimed.nextAttemptAt : nextAttemptAt)
                .setParameter("id", claimed.id).setParameter("sending", NotificationStatus.sending)
                .executeUpdate() == 1;
    }

    public record Claimed(Notification notification, BookingRecord booking) {
    }
}
