package org.therapybooking.notification.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.therapybooking.commons.persistence.SqlValues;
import org.therapybooking.notification.booking.BookingRecord;
import org.therapybooking.notification.planning.Notification;
import org.therapybooking.notification.planning.NotificationStatus;

/** The SQL of the dispatch loop; each method is its own short transaction. */
@ApplicationScoped
public class ClaimRepository {

    /**
     * Due rows, oldest first, skipping rows another worker has locked. Served by the partial index on
     * (due_at) WHERE status = 'pending': the status is written into the statement, not bound, because a partial
     * index only matches a predicate the planner can see.
     */
    public static final String CLAIM_SQL = """
            SELECT id FROM notification
            WHERE status = '%s' AND due_at <= ?1 AND next_attempt_at <= ?1
            ORDER BY due_at
            LIMIT ?2
            FOR UPDATE SKIP LOCKED""".formatted(NotificationStatus.PENDING.code());

    /*
     * The three statements every email runs (lease renewal, hand-over mark, outcome) are SQL, not HQL: Hibernate
     * translates an HQL update anew on every execution (17 % of the send path's CPU samples under load,
     * docs/performance.md).
     */
    private static final String OWNED_BY_CLAIM = " WHERE id = ?%d AND status = '" + NotificationStatus.SENDING.code()
            + "' AND claim_token = ?%d";
    static final String RENEW_LEASE_SQL = "UPDATE notification SET claimed_until = ?1, updated_at = ?2"
            + OWNED_BY_CLAIM.formatted(3, 4);
    static final String MARK_HANDING_OVER_SQL = "UPDATE notification SET handover_at = ?1, updated_at = ?1"
            + OWNED_BY_CLAIM.formatted(2, 3);
    static final String FINISH_SQL = """
            UPDATE notification SET status = ?1, updated_at = ?2, last_error = ?3, claimed_until = NULL,
                claim_token = NULL, handover_at = NULL, sent_at = ?4, next_attempt_at = ?5,
                unconfirmed_handovers = unconfirmed_handovers + ?6""" + OWNED_BY_CLAIM.formatted(7, 8);

    static final String UNCONFIRMED_TWICE = "delivery unconfirmed twice: the SMTP server may have taken the message"
            + " (same Message-ID each time); not sent again";

    private final EntityManager em;

    ClaimRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims up to {@code limit} due rows for this worker: locks them (skipping rows locked by other workers),
     * moves them to 'sending' with a lease, counts the attempt and writes a fresh claim token on them. After the
     * commit no other worker sees them as pending; the token is what proves, later, that a row is still this
     * claim's (see {@link #takeForSending} and {@link #finish}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public Claim claim(Instant now, int limit, Instant leaseUntil) {
        List<Number> ids = em.createNativeQuery(CLAIM_SQL).setParameter(1, now).setParameter(2, limit).getResultList();
        UUID token = UUID.randomUUID();
        if (ids.isEmpty()) {
            return new Claim(token, List.of());
        }
        List<Long> claimed = ids.stream().map(Number::longValue).toList();
        em.createQuery("""
                update Notification n set n.status = :sending, n.attempts = n.attempts + 1, n.claimedUntil = :lease,
                       n.claimToken = :token, n.updatedAt = :now where n.id in :ids""")
                .setParameter("sending", NotificationStatus.SENDING).setParameter("lease", leaseUntil)
                .setParameter("token", token).setParameter("now", now).setParameter("ids", claimed)
                .executeUpdate();
        return new Claim(token, claimed);
    }

    /**
     * The earliest moment after {@code now}, up to {@code horizon}, at which a pending row becomes claimable (its due
     * time, or its next attempt after a failure); empty when none does. A range on the partial index of due rows.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Instant> nextClaimableWithin(Instant now, Instant horizon) {
        Object next = em.createNativeQuery("""
                SELECT min(greatest(due_at, next_attempt_at)) FROM notification
                WHERE status = '%s' AND due_at <= ?2 AND greatest(due_at, next_attempt_at) > ?1"""
                .formatted(NotificationStatus.PENDING.code()))
                .setParameter(1, now).setParameter(2, horizon).getSingleResult();
        return Optional.ofNullable(SqlValues.instant(next));
    }

    /**
     * Rows left in 'sending' by a worker that died (or could not record the outcome) once their lease expired. A
     * row that never reached the SMTP hand-over goes back to pending. A row that did (handover_at set) may have been
     * delivered: the first time it becomes 'uncertain' until {@code resendAt}, after a second unknown outcome it
     * fails (see NotificationDispatcher for the same rule after a send).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Released releaseExpiredLeases(Instant now, Instant resendAt) {
        int unconfirmed = em.createQuery("""
                update Notification n set n.status = :failed, n.claimedUntil = null, n.claimToken = null,
                       n.handoverAt = null, n.unconfirmedHandovers = n.unconfirmedHandovers + 1, n.updatedAt = :now,
                       n.lastError = :error
                where n.status = :sending and n.claimedUntil < :now and n.handoverAt is not null
                      and n.unconfirmedHandovers >= 1""")
                .setParameter("failed", NotificationStatus.FAILED).setParameter("sending", NotificationStatus.SENDING)
                .setParameter("now", now).setParameter("error", UNCONFIRMED_TWICE + " (lease expired after the hand-over)")
                .executeUpdate();
        int uncertain = em.createQuery("""
                update Notification n set n.status = :uncertain, n.claimedUntil = null, n.claimToken = null,
                       n.handoverAt = null, n.unconfirmedHandovers = n.unconfirmedHandovers + 1, n.updatedAt = :now,
                       n.nextAttemptAt = :resendAt,
                       n.lastError = 'lease expired after the message was handed to the SMTP server; outcome unknown'
                where n.status = :sending and n.claimedUntil < :now and n.handoverAt is not null""")
                .setParameter("uncertain", NotificationStatus.UNCERTAIN).setParameter("sending", NotificationStatus.SENDING)
                .setParameter("now", now).setParameter("resendAt", resendAt).executeUpdate();
        int requeued = em.createQuery("""
                update Notification n set n.status = :pending, n.claimedUntil = null, n.claimToken = null,
                       n.updatedAt = :now, n.lastError = 'lease expired while sending; returned to the queue'
                where n.status = :sending and n.claimedUntil < :now""")
                .setParameter("pending", NotificationStatus.PENDING).setParameter("sending", NotificationStatus.SENDING)
                .setParameter("now", now).executeUpdate();
        return new Released(requeued, uncertain, unconfirmed);
    }

    /** 'uncertain' rows whose waiting time is over go back to the queue for their one re-send. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseUncertain(Instant now) {
        return em.createQuery("""
                update Notification n set n.status = :pending, n.updatedAt = :now
                where n.status = :uncertain and n.nextAttemptAt <= :now""")
                .setParameter("pending", NotificationStatus.PENDING).setParameter("uncertain", NotificationStatus.UNCERTAIN)
                .setParameter("now", now).executeUpdate();
    }

    /**
     * Gives a claimed row that was not handed over back to the queue at once (shutdown), instead of leaving it to
     * its lease. The attempt the claim counted is taken back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean unclaim(long id, UUID token, Instant now) {
        return em.createQuery("""
                update Notification n set n.status = :pending, n.claimedUntil = null, n.claimToken = null,
                       n.attempts = n.attempts - 1, n.updatedAt = :now
                where n.id = :id and n.status = :sending and n.claimToken = :token and n.handoverAt is null""")
                .setParameter("pending", NotificationStatus.PENDING).setParameter("now", now).setParameter("id", id)
                .setParameter("sending", NotificationStatus.SENDING).setParameter("token", token)
                .executeUpdate() == 1;
    }

    /**
     * Records that the message is about to be handed to the SMTP server, while the claim still holds the row; false
     * when it no longer does (then it must not be sent). From here on a lost outcome counts as unknown, not as
     * "never sent".
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean markHandingOver(Notification claimed, Instant now) {
        return em.createNativeQuery(MARK_HANDING_OVER_SQL)
                .setParameter(1, now).setParameter(2, claimed.id).setParameter(3, claimed.claimToken)
                .executeUpdate() == 1;
    }

    /**
     * Right before sending one claimed row: renews its lease, but only while the row is still 'sending' under
     * this claim's token, and loads it with the current booking snapshot. Empty when the row is no longer this
     * claim's (its lease expired and it went back to the queue, maybe to another worker): the caller must then
     * not send it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> takeForSending(long id, UUID token, Instant now, Instant leaseUntil) {
        int renewed = em.createNativeQuery(RENEW_LEASE_SQL)
                .setParameter(1, leaseUntil).setParameter(2, now).setParameter(3, id).setParameter(4, token)
                .executeUpdate();
        if (renewed == 0) {
            return Optional.empty();
        }
        Notification n = em.find(Notification.class, id);
        // account emails belong to no booking
        BookingRecord b = n.bookingId == null ? null : em.find(BookingRecord.class, n.bookingId);
        em.detach(n);
        if (b != null) {
            em.detach(b);
        }
        return Optional.of(new Claimed(n, b));
    }

    /**
     * Finishes a claimed row; only while this claim still holds it ('sending' with this claim's token).
     * {@code unconfirmed}: the attempt ended without knowing whether the server took the message (counted in
     * unconfirmed_handovers).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean finish(Notification claimed, NotificationStatus status, Instant now, String error,
            Instant nextAttemptAt, boolean unconfirmed) {
        if (claimed.actionUrl != null && status.isFinal()) {
            // a reset link holds a secret: not kept once the row will never be sent (again)
            em.createNativeQuery("UPDATE notification SET action_url = NULL WHERE id = ?1 AND claim_token = ?2")
                    .setParameter(1, claimed.id).setParameter(2, claimed.claimToken).executeUpdate();
        }
        Instant next = nextAttemptAt == null ? claimed.nextAttemptAt : nextAttemptAt;
        return em.unwrap(Session.class).createNativeMutationQuery(FINISH_SQL)
                .setParameter(1, status.code()).setParameter(2, now).setParameter(3, error)
                .setParameter(4, status == NotificationStatus.SENT ? now : null, Instant.class)
                .setParameter(5, next, Instant.class).setParameter(6, unconfirmed ? 1 : 0)
                .setParameter(7, claimed.id).setParameter(8, claimed.claimToken)
                .executeUpdate() == 1;
    }

    /** One claim: its token and the rows it took. */
    public record Claim(UUID token, List<Long> ids) {
    }

    public record Claimed(Notification notification, BookingRecord booking) {
    }

    /** What a lease sweep did: back to the queue, to 'uncertain', to 'failed' (second unknown outcome). */
    public record Released(int requeued, int uncertain, int unconfirmed) {
        public int total() {
            return requeued + uncertain + unconfirmed;
        }
    }
}
