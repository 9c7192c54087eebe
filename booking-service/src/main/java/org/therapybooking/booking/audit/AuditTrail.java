package org.therapybooking.booking.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.therapybooking.commons.persistence.SqlValues;
import org.therapybooking.booking.common.BookingConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The audit trail of staff access to clients' data (table {@code audit_event}, append-only). A change records its
 * entry in the change's own transaction, so the two commit or roll back together; a read records it before the
 * answer leaves, and an answer whose entry could not be written is not sent.
 */
@ApplicationScoped
public class AuditTrail {
    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final int MAX_DETAIL = 500;
    private static final int PURGE_BATCH = 1000;

    /** What staff did. The codes are stored and shown as they are. */
    public enum Action {
        BOOKINGS_LIST("bookings.list"), BOOKING_READ("booking.read"), BOOKING_CANCEL("booking.cancel"),
        BOOKING_REFUND("booking.refund"), USERS_LIST("users.list"), ACCOUNT_EXPORT("account.export"),
        ACCOUNT_ERASE("account.erase");

        public final String code;

        Action(String code) {
            this.code = code;
        }
    }

    /** One entry as the audit API shows it. */
    public record Entry(long id, Instant occurredAt, long actorUserId, String action, List<Long> subjectUserIds,
            Long bookingId, String detail) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final BookingConfig config;

    AuditTrail(EntityManager em, Clock clock, BookingConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public void record(long actorUserId, Action action, Collection<Long> subjectUserIds, Long bookingId,
            String detail) {
        em.createNativeQuery("""
                insert into audit_event (occurred_at, actor_user_id, action, subject_user_ids, booking_id, detail)
                values (?1, ?2, ?3, cast(?4 as bigint[]), ?5, ?6)""")
                .setParameter(1, clock.instant()).setParameter(2, actorUserId).setParameter(3, action.code)
                .setParameter(4, "{" + String.join(",", subjectUserIds.stream().distinct().sorted()
                        .map(String::valueOf).toList()) + "}")
                .setParameter(5, bookingId)
                .setParameter(6, detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL))
                .executeUpdate();
    }

    /** Entries newest first, optionally about one person, by one actor, within [from, to). */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page find(Long subjectUserId, Long actorUserId, Instant from, Instant to, int limit, int offset) {
        String where = " where (cast(?1 as bigint) is null or ?1 = any (subject_user_ids))"
                + " and (cast(?2 as bigint) is null or actor_user_id = ?2)"
                + " and (cast(?3 as timestamptz) is null or occurred_at >= ?3)"
                + " and (cast(?4 as timestamptz) is null or occurred_at < ?4)";
        var count = em.createNativeQuery("select count(*) from audit_event" + where);
        var select = em.createNativeQuery("select id, occurred_at, actor_user_id, action, subject_user_ids, booking_id,"
                + " detail from audit_event" + where + " order by occurred_at desc, id desc limit ?5 offset ?6");
        for (var query : List.of(count, select)) {
            query.setParameter(1, subjectUserId).setParameter(2, actorUserId).setParameter(3, from)
                    .setParameter(4, to);
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<Object[]> rows = select.setParameter(5, limit).setParameter(6, offset).getResultList();
        List<Entry> entries = rows.stream().map(row -> new Entry(((Number) row[0]).longValue(), SqlValues.instant(row[1]),
                ((Number) row[2]).longValue(), (String) row[3], subjects(row[4]),
                row[5] == null ? null : ((Number) row[5]).longValue(), (String) row[6])).toList();
        return new Page(entries, total, limit, offset);
    }

    public record Page(List<Entry> entries, long total, int limit, int offset) {
    }

    /** Entries older than {@code booking.retention.audit} go; only this purge may delete them (see V21). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        long deleted = purge();
        if (deleted > 0) {
            LOG.infof("retention purge: %d audit entries", deleted);
        }
    }

    public long purge() {
        Instant before = clock.instant().minus(config.retention().audit());
        return SqlValues.deleteInBatches(PURGE_BATCH, () -> QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local audit.purge = 'on'").executeUpdate();
            return em.createNativeQuery("delete from audit_event where id in (select id from audit_event"
                    + " where occurred_at < ?1 order by occurred_at limit ?2)")
                    .setParameter(1, before).setParameter(2, PURGE_BATCH).executeUpdate();
        }));
    }

    private static List<Long> subjects(Object value) {
        try {
            Object array = value instanceof java.sql.Array sql ? sql.getArray() : value;
            if (array instanceof Long[] longs) {
                return List.of(longs);
            }
            if (array instanceof long[] longs) {
                return java.util.Arrays.stream(longs).boxed().toList();
            }
            return java.util.Arrays.stream((Object[]) array).map(o -> ((Number) o).longValue()).toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
