package org.therapybooking.booking.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;
import org.therapybooking.booking.common.BookingConfig;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.context.api.ManagedExecutorConfig;

/**
 * Moves committed outbox rows to Kafka: each run claims due rows ({@link OutboxClaims}), sends them
 * ({@link OutboxPublisher}) and records what was acknowledged, in one database transaction. Rows whose send fails
 * stay unsent with an exponential backoff. A run starts right after a transaction that wrote events commits, and
 * on every poll as the safety net.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final BookingConfig.Outbox config;
    private final Clock clock;
    private final OutboxClaims claims;
    private final OutboxPublisher publisher;
    private final ManagedExecutor wakeUps;

    /** One relay at a time per process keeps this process's sends in outbox order. */
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile boolean stopping;

    public OutboxRelay(AgroalDataSource dataSource, BookingConfig config, Clock clock, OutboxClaims claims,
            OutboxPublisher publisher,
            @ManagedExecutorConfig(maxAsync = 1, propagated = {}, cleared = ThreadContext.ALL_REMAINING) ManagedExecutor wakeUps) {
        this.dataSource = dataSource;
        this.config = config.outbox();
        this.clock = clock;
        this.claims = claims;
        this.publisher = publisher;
        this.wakeUps = wakeUps;
    }

    /** The safety net: picks up whatever the after-commit wake-ups missed, and retries failed rows. */
    @Scheduled(every = "${booking.outbox.poll-interval}", delayed = "${booking.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        drain();
    }

    /** After a transaction that wrote events commits, so they leave without waiting for the next poll. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWriter.Written written) {
        again.set(true);
        if (!stopping && wakeUpQueued.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpQueued.set(false);
                drain();
            });
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void drain() {
        again.set(true);
        while (!stopping && again.get() && running.tryLock()) {
            try {
                again.set(false);
                while (!stopping && relayOnce() == config.batchSize()) {
                    // a full batch: there may be more right away
                }
            } catch (RuntimeException | SQLException e) {
                LOG.warn("outbox relay run failed; rows stay for the next run", e);
            } finally {
                running.unlock();
            }
        }
    }

    /** One claim-send-mark cycle; returns how many rows were claimed. */
    public int relayOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<OutboxRow> rows = claims.claim(connection, clock.instant(), config.batchSize());
                if (!rows.isEmpty()) {
                    record(connection, publisher.publish(rows));
                }
                connection.commit();
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private void record(Connection connection, OutboxPublisher.Outcome outcome) throws SQLException {
        Instant now = clock.instant();
        claims.markSent(connection, outcome.sent(), now);
        for (Map.Entry<OutboxRow, String> failure : outcome.failed().entrySet()) {
            OutboxRow row = failure.getKey();
            claims.markFailed(connection, row.id(), failure.getValue(), now.plus(backoff(row.attempts() + 1)));
        }
        if (!outcome.failed().isEmpty()) {
            LOG.warnf("outbox: %d event(s) sent, %d failed and will be retried", outcome.sent().size(),
                    outcome.failed().size());
        }
    }

    /** The wait before attempt {@code attempts + 1}: doubling from the initial backoff up to the maximum. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration next = config.initialBackoff().multipliedBy(factor);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }
}
