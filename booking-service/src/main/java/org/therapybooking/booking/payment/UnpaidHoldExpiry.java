package org.therapybooking.booking.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.therapybooking.booking.booking.Booking;
import org.therapybooking.booking.booking.BookingService;
import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.common.PaymentStatus;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The optional payment hold ({@code booking.payment.hold}, off by default): bookings still {@code scheduled} and
 * unpaid ({@code pending} or {@code failed}) more than the hold after they were created are cancelled through
 * {@link BookingService#expireUnpaid}, which frees the place as a cancel does and publishes {@code booking.expired}
 * in the same transaction. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas running at once expire
 * each booking once; a payment that locked the booking first makes the claim skip it, and one that comes after
 * finds it cancelled (recorded, no {@code booking.paid}, a refund is owed).
 */
@ApplicationScoped
public class UnpaidHoldExpiry {

    private static final Logger LOG = Logger.getLogger(UnpaidHoldExpiry.class);

    private final PaymentConfig config;
    private final EntityManager em;
    private final BookingService bookings;
    private final Clock clock;

    public UnpaidHoldExpiry(PaymentConfig config, EntityManager em, BookingService bookings, Clock clock) {
        this.config = config;
        this.em = em;
        this.bookings = bookings;
        this.clock = clock;
    }

    @Scheduled(every = "${booking.payment.hold-check-interval}", delayed = "${booking.payment.hold-check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRun() {
        if (config.hold().isPresent()) {
            int expired = expireDue();
            if (expired > 0) {
                LOG.infof("payment hold: %d unpaid booking(s) expired", expired);
            }
        }
    }

    /** Expires every booking past the hold, a batch per transaction; returns how many. 0 when the hold is off. */
    public int expireDue() {
        if (config.hold().isEmpty()) {
            return 0;
        }
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::expireBatch);
            total += batch;
        } while (batch == config.holdBatchSize());
        return total;
    }

    private int expireBatch() {
        Duration hold = config.hold().orElseThrow();
        Instant cutoff = clock.instant().minus(hold);
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from booking where status = ?1 and payment_status in "
                + "(?2, ?3) and created_at < ?4 order by created_at, id limit ?5 for update skip locked")
                .setParameter(1, BookingStatus.SCHEDULED.code())
                .setParameter(2, PaymentStatus.PENDING.code())
                .setParameter(3, PaymentStatus.FAILED.code())
                .setParameter(4, cutoff)
                .setParameter(5, config.holdBatchSize())
                .getResultList();
        for (Number id : ids) {
            // the row is locked by this transaction: the entity is the state the claim saw
            bookings.expireUnpaid(em.find(Booking.class, id.longValue()));
        }
        return ids.size();
    }
}
