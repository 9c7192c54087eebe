package org.therapybooking.booking.attendance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.booking.BookingService;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.common.BookingStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * What the join links tell about a session, once it can be told:
 * <ul>
 * <li>when a scheduled session's join window has closed (its end plus {@code booking.join-links.closes-after}), the
 * booking becomes {@code completed} if the client joined, {@code no_show} if not, and {@code booking.completed} or
 * {@code booking.no_show} is published;</li>
 * <li>when the client has joined and the therapist has not {@code booking.attendance.host-alert-after} after the
 * start, while the session lasts, {@code booking.client_waiting} is published once (notification-service emails
 * the therapist the host link).</li>
 * </ul>
 * Rows are claimed with {@code FOR UPDATE SKIP LOCKED} and changed in the transaction that writes the event, so
 * replicas running at once handle each booking once, and a rolled-back run publishes nothing.
 */
@ApplicationScoped
public class AttendanceJob {

    private static final Logger LOG = Logger.getLogger(AttendanceJob.class);

    private final AttendanceConfig config;
    private final BookingConfig bookingConfig;
    private final EntityManager em;
    private final BookingService bookings;
    private final Clock clock;

    public AttendanceJob(AttendanceConfig config, BookingConfig bookingConfig, EntityManager em,
            BookingService bookings, Clock clock) {
        this.config = config;
        this.bookingConfig = bookingConfig;
        this.em = em;
        this.bookings = bookings;
        this.clock = clock;
    }

    @Scheduled(every = "${booking.attendance.check-interval}", delayed = "${booking.attendance.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        int alerts = alertWaitingClients();
        int ended = closeEndedSessions();
        if (alerts + ended > 0) {
            LOG.infof("attendance: %d session(s) ended, %d therapist(s) told their client is waiting", ended, alerts);
        }
    }

    /** Records the outcome of every session whose join window has closed; returns how many. */
    public int closeEndedSessions() {
        return inBatches(this::closeBatch);
    }

    /** Publishes {@code booking.client_waiting} for every session where it is due; returns how many. */
    public int alertWaitingClients() {
        return inBatches(this::alertBatch);
    }

    private int inBatches(Function<Instant, Integer> batch) {
        int total = 0;
        int handled;
        do {
            Instant now = clock.instant();
            handled = QuarkusTransaction.requiringNew().call(() -> batch.apply(now));
            total += handled;
        } while (handled == config.batchSize());
        return total;
    }

    private int closeBatch(Instant now) {
        // the session end is start plus the booked minutes; the start bound alone lets the index narrow the scan
        Instant windowClosedBefore = now.minus(bookingConfig.joinLinks().closesAfter());
        List<Long> ids = claim("""
                select b.id from booking b join schedule s on s.id = b.schedule_id
                where b.status = ?1 and s.starts_at < ?3
                  and s.starts_at + b.duration_minutes * interval '1 minute' < ?3
                order by s.starts_at, b.id limit ?2 for update of b skip locked""", windowClosedBefore);
        for (Long id : ids) {
            // the row is locked by this transaction: the entity is the state the claim saw
            bookings.recordOutcome(em.find(Booking.class, id), now);
        }
        return ids.size();
    }

    private int alertBatch(Instant now) {
        List<Long> ids = claim("""
                select b.id from booking b join schedule s on s.id = b.schedule_id
                where b.status = ?1 and s.starts_at <= ?3
                  and b.client_joined_at is not null and b.host_joined_at is null
                  and b.client_waiting_alert_at is null
                  and s.starts_at + b.duration_minutes * interval '1 minute' > ?4
                order by s.starts_at, b.id limit ?2 for update of b skip locked""",
                now.minus(config.hostAlertAfter()), now);
        for (Long id : ids) {
            bookings.alertHostClientWaiting(em.find(Booking.class, id), now);
        }
        return ids.size();
    }

    /** The ids the query locks: ?1 is the status scheduled, ?2 the batch size, then {@code params}. */
    @SuppressWarnings("unchecked")
    private List<Long> claim(String sql, Object... params) {
        var query = em.createNativeQuery(sql)
                .setParameter(1, BookingStatus.SCHEDULED.code())
                .setParameter(2, config.batchSize());
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 3, params[i]);
        }
        return ((List<Number>) query.getResultList()).stream().map(Number::longValue).toList();
    }
}
