package org.therapybooking.notification.retention;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.therapybooking.commons.persistence.SqlValues;
import org.therapybooking.notification.common.NotificationConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what is no longer needed (docs/privacy.md "Retention"): finished notifications, applied event ids, booking
 * snapshots of sessions long past with nothing left to send, and profiles nobody's snapshot refers to. Rows still
 * to be sent (pending, sending, uncertain) are never touched. Batches of {@code batch-size}, each its own
 * transaction; every replica may run it at once (a row is deleted once, the others find it gone).
 */
@ApplicationScoped
public class RetentionPurge {
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    /** What one run deleted. */
    public record Purged(long notifications, long processedEvents, long bookings, long people) {
    }

    private final EntityManager em;
    private final NotificationConfig.Retention config;
    private final Clock clock;

    RetentionPurge(EntityManager em, NotificationConfig config, Clock clock) {
        this.em = em;
        this.config = config.retention();
        this.clock = clock;
    }

    @Scheduled(every = "${notifications.retention.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Purged purged = purge();
        if (purged.notifications() + purged.processedEvents() + purged.bookings() + purged.people() > 0) {
            LOG.infof("retention purge: %d notifications, %d processed event ids, %d booking snapshots, %d profiles",
                    purged.notifications(), purged.processedEvents(), purged.bookings(), purged.people());
        }
    }

    public Purged purge() {
        Instant now = clock.instant();
        long notifications = inBatches("""
                DELETE FROM notification WHERE id IN (SELECT id FROM notification
                WHERE status IN ('sent', 'failed', 'skipped', 'cancelled') AND updated_at < ?1 LIMIT ?2)""",
                now.minus(config.finishedNotifications()));
        long events = inBatches("""
                DELETE FROM processed_event WHERE event_id IN (SELECT event_id FROM processed_event
                WHERE processed_at < ?1 LIMIT ?2)""", now.minus(config.processedEvents()));
        // a session long past: the end is the start plus its length; nothing of it may be left in notification
        long bookings = inBatches("""
                DELETE FROM booking WHERE booking_id IN (SELECT b.booking_id FROM booking b
                WHERE b.scheduled_at < ?1 AND b.scheduled_at + make_interval(mins => b.duration_minutes) < ?1
                AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.booking_id = b.booking_id) LIMIT ?2)""",
                now.minus(config.pastBookings()));
        long people = inBatches("""
                DELETE FROM person WHERE user_id IN (SELECT p.user_id FROM person p WHERE p.changed_at < ?1
                AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.client_user_id = p.user_id OR b.host_user_id = p.user_id)
                AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.user_id = p.user_id) LIMIT ?2)""",
                now.minus(config.pastBookings()));
        return new Purged(notifications, events, bookings, people);
    }

    private long inBatches(String sql, Instant before) {
        return SqlValues.deleteInBatches(config.batchSize(), () -> QuarkusTransaction.requiringNew().call(
                () -> em.createNativeQuery(sql).setParameter(1, before).setParameter(2, config.batchSize())
                        .executeUpdate()));
    }
}
