package org.therapybooking.booking.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.commons.problem.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Login limits in PostgreSQL ({@code login_limit_window}), so every replica counts against one budget: attempts
 * per client address (any outcome) and per account (password checks; a successful login resets its count).
 * <p>
 * Each attempt is one upsert of both counters that also starts a new window when the old one has passed, so two
 * replicas answering at once cannot both let an attempt through the last free place. An account's attempt is
 * counted before its password is checked: at most {@code maxFailuresPerAccount} guesses per window reach bcrypt,
 * however many replicas serve them. Keys are stored as SHA-256 hashes; an address or e-mail never reaches the table.
 */
@ApplicationScoped
public class LoginRateLimiter {

    private static final String COUNT_ATTEMPT = """
            insert into login_limit_window as w (key_hash, attempts, window_start) values (?1, 1, ?3), (?2, 1, ?3)
            on conflict (key_hash) do update set
                attempts = case when w.window_start <= ?4 then 1 else w.attempts + 1 end,
                window_start = case when w.window_start <= ?4 then excluded.window_start else w.window_start end
            returning key_hash, attempts, window_start""";

    private final EntityManager em;
    private final BookingConfig config;
    private final Clock clock;

    public LoginRateLimiter(EntityManager em, BookingConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** Counts this attempt for the client and the account and refuses when either is over its budget. */
    public void checkAndCountAttempt(String email, String clientAddress) {
        BookingConfig.Login login = config.login();
        Instant now = clock.instant();
        byte[] clientKey = clientKey(clientAddress);
        byte[] accountKey = accountKey(email);
        // its own short transaction: the caller holds no connection while bcrypt runs
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(COUNT_ATTEMPT)
                .setParameter(1, clientKey).setParameter(2, accountKey).setParameter(3, now)
                .setParameter(4, now.minus(login.window())).getResultList());
        Window client = null;
        Window account = null;
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Window window = new Window(((Number) columns[1]).intValue(), toInstant(columns[2]));
            if (Arrays.equals((byte[]) columns[0], clientKey)) {
                client = window;
            } else {
                account = window;
            }
        }
        if (client == null || account == null) {
            throw new IllegalStateException("the login limit upsert returned " + rows.size() + " rows");
        }
        if (client.attempts() > login.maxAttemptsPerClient()) {
            throw ApiException.tooManyRequests("Too many login attempts from this client", client.retryAfter(now, login));
        }
        if (account.attempts() > login.maxFailuresPerAccount()) {
            throw ApiException.tooManyRequests("Too many failed logins for this account", account.retryAfter(now, login));
        }
    }

    /** The password was right: the account's failures are forgiven. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSuccess(String email) {
        em.createNativeQuery("delete from login_limit_window where key_hash = ?1").setParameter(1, accountKey(email))
                .executeUpdate();
    }

    /** Deletes windows that have passed, so the table holds about one window's keys; every replica may run it. */
    @Scheduled(every = "${booking.login.eviction-interval}", delayed = "${booking.login.eviction-interval}")
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from login_limit_window where window_start <= ?1")
                .setParameter(1, clock.instant().minus(config.login().window())).executeUpdate();
    }

    private record Window(int attempts, Instant start) {
        long retryAfter(Instant now, BookingConfig.Login login) {
            return Math.max(1, Duration.between(now, start.plus(login.window())).toSeconds() + 1);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    static byte[] clientKey(String clientAddress) {
        return sha256("client:" + clientAddress);
    }

    static byte[] accountKey(String email) {
        return sha256("account:" + email.trim().toLowerCase(Locale.ROOT));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
