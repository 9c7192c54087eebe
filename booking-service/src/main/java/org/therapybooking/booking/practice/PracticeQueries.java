package org.therapybooking.booking.practice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.common.PaymentStatus;
import org.therapybooking.booking.practice.PracticeViews.AdminUserView;
import org.therapybooking.booking.practice.PracticeViews.Revenue;

/**
 * The SQL of the therapist's views: every figure is counted by the database (aggregates with {@code FILTER} and
 * {@code GROUP BY}), never row by row here. A booking's time is its slot's start.
 */
@ApplicationScoped
public class PracticeQueries {

    /** The escape character of search patterns (see {@link #containing}); not a backslash, which HQL escapes too. */
    private static final char ESCAPE = '!';
    /** Erased people are no longer accounts anyone looks after: their anonymous shells are never listed. */
    private static final String LIVE = " where u.erasedAt is null and (:therapist = 0L or exists (select 1 from Booking"
            + " tb where tb.user = u and tb.schedule.therapist.id = :therapist))";
    private static final String SEARCH = " and (u.email ilike :pattern escape '!'"
            + " or u.firstName ilike :pattern escape '!' or u.lastName ilike :pattern escape '!'"
            + " or concat(u.firstName, ' ', u.lastName) ilike :pattern escape '!')";

    private final EntityManager em;

    public PracticeQueries(EntityManager em) {
        this.em = em;
    }

    /** The ILIKE pattern of "contains {@code text}", its own {@code %}, {@code _} and escapes taken literally. */
    static String containing(String text) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /** How many accounts match the search ({@code null}: all). */
    public long countUsers(String pattern, Long therapistId) {
        TypedQuery<Long> query = em.createQuery("select count(u) from User u" + LIVE + (pattern == null ? "" : SEARCH),
                Long.class).setParameter("therapist", scope(therapistId));
        if (pattern != null) {
            query.setParameter("pattern", pattern);
        }
        return query.getSingleResult();
    }

    /** One page of the matching accounts, by last and first name, each with its booking counts at {@code now}. */
    public List<AdminUserView> users(String pattern, Long therapistId, Instant now, int limit, int offset) {
        TypedQuery<Object[]> query = em.createQuery("select u.id, u.email, u.firstName, u.lastName, u.phone,"
                + " u.location, u.timeZone, u.admin, u.createdAt,"
                + " count(b.id) filter (where b.status = :scheduled and s.startsAt >= :now),"
                + " count(b.id) filter (where b.status <> :cancelled and s.startsAt < :now)"
                + " from User u left join Booking b on b.user = u left join b.schedule s" + LIVE
                + (pattern == null ? "" : SEARCH)
                + " group by u.id, u.email, u.firstName, u.lastName, u.phone, u.location, u.timeZone, u.admin,"
                + " u.createdAt order by lower(u.lastName), lower(u.firstName), u.id", Object[].class)
                .setParameter("scheduled", BookingStatus.SCHEDULED)
                .setParameter("cancelled", BookingStatus.CANCELLED)
                .setParameter("now", now)
                .setParameter("therapist", scope(therapistId))
                .setFirstResult(offset)
                .setMaxResults(limit);
        if (pattern != null) {
            query.setParameter("pattern", pattern);
        }
        return query.getResultList().stream().map(row -> new AdminUserView((Long) row[0], (String) row[1],
                (String) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6],
                (Boolean) row[7], (Instant) row[8], (Long) row[9], (Long) row[10])).toList();
    }

    /** The session counts of the dashboard. */
    public record SessionCounts(long today, long thisWeek, long upcoming, long cancelledInRange,
            long completedInRange, long noShowsInRange) {
    }

    public SessionCounts sessionCounts(Long therapistId, Instant now, Instant todayFrom, Instant todayTo,
            Instant weekFrom, Instant weekTo, Instant from, Instant to) {
        Object[] row = em.createQuery("select"
                + " count(b.id) filter (where b.status <> :cancelled and s.startsAt >= :todayFrom and s.startsAt < :todayTo),"
                + " count(b.id) filter (where b.status <> :cancelled and s.startsAt >= :weekFrom and s.startsAt < :weekTo),"
                + " count(b.id) filter (where b.status = :scheduled and s.startsAt >= :now),"
                + " count(b.id) filter (where b.status = :cancelled and s.startsAt >= :from and s.startsAt < :to),"
                + " count(b.id) filter (where b.status = :completed and s.startsAt >= :from and s.startsAt < :to),"
                + " count(b.id) filter (where b.status = :noShow and s.startsAt >= :from and s.startsAt < :to)"
                + " from Booking b join b.schedule s where (:therapist = 0L or s.therapist.id = :therapist)", Object[].class)
                .setParameter("therapist", scope(therapistId))
                .setParameter("scheduled", BookingStatus.SCHEDULED)
                .setParameter("cancelled", BookingStatus.CANCELLED)
                .setParameter("completed", BookingStatus.COMPLETED)
                .setParameter("noShow", BookingStatus.NO_SHOW)
                .setParameter("todayFrom", todayFrom).setParameter("todayTo", todayTo)
                .setParameter("weekFrom", weekFrom).setParameter("weekTo", weekTo)
                .setParameter("now", now)
                .setParameter("from", from).setParameter("to", to)
                .getSingleResult();
        return new SessionCounts((Long) row[0], (Long) row[1], (Long) row[2], (Long) row[3], (Long) row[4],
                (Long) row[5]);
    }

    /** How many bookings starting in [from, to), cancelled ones included, are in each payment state (all states). */
    public Map<PaymentStatus, Long> paymentsByStatus(Long therapistId, Instant from, Instant to) {
        Map<PaymentStatus, Long> counts = new EnumMap<>(PaymentStatus.class);
        for (PaymentStatus status : PaymentStatus.values()) {
            counts.put(status, 0L);
        }
        em.createQuery("select b.paymentStatus, count(b.id) from Booking b join b.schedule s"
                + " where s.startsAt >= :from and s.startsAt < :to and (:therapist = 0L or s.therapist.id = :therapist)"
                + " group by b.paymentStatus", Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("therapist", scope(therapistId))
                .getResultList().forEach(row -> counts.put((PaymentStatus) row[0], (Long) row[1]));
        return counts;
    }

    /** Per currency, the amounts of bookings starting in [from, to) whose payment succeeded (refunded ones not). */
    public List<Revenue> revenue(Long therapistId, Instant from, Instant to) {
        return em.createQuery("select b.currency, sum(b.amount) from Booking b join b.schedule s"
                + " where b.paymentStatus = :succeeded and s.startsAt >= :from and s.startsAt < :to"
                + " and (:therapist = 0L or s.therapist.id = :therapist)"
                + " group by b.currency order by b.currency", Object[].class)
                .setParameter("succeeded", PaymentStatus.SUCCEEDED).setParameter("therapist", scope(therapistId))
                .setParameter("from", from).setParameter("to", to)
                .getResultList().stream().map(row -> new Revenue((String) row[0], (BigDecimal) row[1])).toList();
    }

    /** A therapist's id narrows a query to their slots; 0 (no therapist has it) means the whole practice. */
    private static long scope(Long therapistId) {
        return therapistId == null ? 0L : therapistId;
    }
}
