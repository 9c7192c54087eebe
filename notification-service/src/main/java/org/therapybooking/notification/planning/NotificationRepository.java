package org.therapybooking.notification.planning;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** The notification rows of the planner and the admin API (the dispatch loop's SQL is in ClaimRepository). */
@ApplicationScoped
public class NotificationRepository implements PanacheRepository<Notification> {

    public List<Notification> forBooking(long bookingId) {
        return list("bookingId = ?1 order by dueAt, id", bookingId);
    }

    public List<Notification> pendingForBooking(long bookingId) {
        return list("bookingId = ?1 and status = ?2", bookingId, NotificationStatus.PENDING);
    }

    /** Whether the booking already has a row of this kind (in any status). */
    public boolean exists(long bookingId, NotificationKind kind) {
        return count("bookingId = ?1 and kind = ?2", bookingId, kind) > 0;
    }

    /** Pending rows of a booking become cancelled with this reason; returns how many. */
    public int cancelPending(long bookingId, String reason, Instant now) {
        return cancelPending(bookingId, reason, now, EnumSet.allOf(NotificationKind.class));
    }

    /** Pending rows of these kinds become cancelled with this reason; returns how many. */
    public int cancelPending(long bookingId, String reason, Instant now, Collection<NotificationKind> kinds) {
        return update("status = ?1, lastError = ?2, updatedAt = ?3 where bookingId = ?4 and status = ?5 and kind in ?6",
                NotificationStatus.CANCELLED, reason, now, bookingId, NotificationStatus.PENDING, kinds);
    }

    /** Rows per status, every status present (zero when none). */
    public Map<NotificationStatus, Long> countByStatus() {
        Map<NotificationStatus, Long> counts = new TreeMap<>();
        for (NotificationStatus s : NotificationStatus.values()) {
            counts.put(s, 0L);
        }
        getEntityManager().createQuery("select n.status, count(n) from Notification n group by n.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((NotificationStatus) row[0], (Long) row[1]));
        return counts;
    }
}
