package org.therapybooking.booking.outbox;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.commons.persistence.SqlValues;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes outbox rows Kafka acknowledged longer ago than {@code booking.retention.sent-events} (default 90 days):
 * their payloads hold names and addresses, and once sent they serve only as a short audit of what was published.
 * Unsent rows are never deleted. Batches in their own transactions; every replica may run it.
 */
@ApplicationScoped
public class OutboxRetention {
    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    private static final int BATCH = 1000;

    private final EntityManager em;
    private final BookingConfig config;
    private final Clock clock;

    OutboxRetention(EntityManager em, BookingConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long deleted = purge();
        if (deleted > 0) {
            LOG.infof("retention purge: %d sent outbox events", deleted);
        }
    }

    /** @return the rows deleted */
    public long purge() {
        Instant before = clock.instant().minus(config.retention().sentEvents());
        return SqlValues.deleteInBatches(BATCH, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                delete from outbox_event where id in (select id from outbox_event
                where sent_at is not null and sent_at < ?1 order by sent_at limit ?2)""")
                .setParameter(1, before).setParameter(2, BATCH).executeUpdate()));
    }
}
