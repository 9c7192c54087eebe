package org.therapybooking.booking.joinpage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.therapybooking.booking.common.BookingConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Join links that do not open, counted per client address in the table of the login limits
 * ({@code login_limit_window}: shared by every replica, keys stored as SHA-256, same window and purge). Past the
 * limit an address gets "too many attempts" for every link until its window has passed. Tokens cannot be guessed
 * anyway; this keeps a scanner from trying. Only failures write: opening a good link costs one read.
 */
@ApplicationScoped
public class JoinAttemptLimiter {

    private static final String COUNT_FAILURE = """
            insert into login_limit_window as w (key_hash, attempts, window_start) values (?1, 1, ?2)
            on conflict (key_hash) do update set
                attempts = case when w.window_start <= ?3 then 1 else w.attempts + 1 end,
                window_start = case when w.window_start <= ?3 then excluded.window_start else w.window_start end""";

    private final EntityManager em;
    private final BookingConfig config;
    private final Clock clock;

    public JoinAttemptLimiter(EntityManager em, BookingConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** Seconds until the address may try again; empty while it is under the limit. In the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong retryAfter(String clientAddress) {
        Instant now = clock.instant();
        Duration window = config.login().window();
        // the window ends at window_start + window: seconds left = window_start - (now - window)
        List<?> rows = em.createNativeQuery(
                "select attempts, ceil(extract(epoch from (window_start - ?2))) from login_limit_window"
                        + " where key_hash = ?1 and window_start > ?2")
                .setParameter(1, key(clientAddress)).setParameter(2, now.minus(window)).getResultList();
        if (rows.isEmpty()) {
            return OptionalLong.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        if (((Number) row[0]).intValue() < config.joinLinks().maxFailuresPerClient()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, ((Number) row[1]).longValue()));
    }

    public void countFailure(String clientAddress) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(COUNT_FAILURE)
                .setParameter(1, key(clientAddress)).setParameter(2, now)
                .setParameter(3, now.minus(config.login().window())).executeUpdate());
    }

    private static byte[] key(String clientAddress) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("join:" + clientAddress)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
