package org.therapybooking.booking.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.therapybooking.commons.persistence.SqlValues;
import org.therapybooking.booking.common.BookingConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Fixed-window counters in PostgreSQL ({@code login_limit_window}), shared by every replica: the login limits and
 * the join links' limit per address. Keys are SHA-256 hashes of a purpose and a value, so an address or e-mail
 * never reaches the table. Counting is one upsert that also starts a new window when the old one has passed, so two
 * replicas counting at once cannot both take the last free place. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class LimitWindows {

    private final EntityManager em;
    private final BookingConfig config;
    private final Clock clock;

    public LimitWindows(EntityManager em, BookingConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** A key's window: attempts counted since {@code start}. */
    public record Window(int attempts, Instant start) {
        /** Whole seconds until the window of this length has passed, at least 1. */
        public long retryAfterSeconds(Instant now, Duration length) {
            return Math.max(1, Duration.between(now, start.plus(length)).toSeconds() + 1);
        }
    }

    /** The stored key of {@code value} counted for {@code purpose} (e.g. "client", "account", "join"). */
    public static byte[] key(String purpose, String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((purpose + ":" + value).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts one attempt against each (distinct) key in windows of {@code length}; each key's window, in order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Window> count(Instant now, Duration length, byte[]... keys) {
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= keys.length; i++) {
            values.append(i > 1 ? ", " : "").append("(?").append(i).append(", 1, ?").append(keys.length + 1).append(')');
        }
        var query = em.createNativeQuery("insert into login_limit_window as w (key_hash, attempts, window_start) values "
                + values + """
                 on conflict (key_hash) do update set
                    attempts = case when w.window_start <= ?%1$d then 1 else w.attempts + 1 end,
                    window_start = case when w.window_start <= ?%1$d then excluded.window_start else w.window_start end
                returning key_hash, attempts, window_start""".formatted(keys.length + 2));
        for (int i = 0; i < keys.length; i++) {
            query.setParameter(i + 1, keys[i]);
        }
        List<?> rows = query.setParameter(keys.length + 1, now).setParameter(keys.length + 2, now.minus(length))
                .getResultList();
        List<Window> windows = new ArrayList<>();
        for (byte[] key : keys) {
            windows.add(rows.stream().map(Object[].class::cast).filter(row -> Arrays.equals((byte[]) row[0], key))
                    .findFirst().map(row -> new Window(((Number) row[1]).intValue(), SqlValues.instant(row[2])))
                    .orElseThrow(() -> new IllegalStateException("the limit upsert returned " + rows.size() + " rows")));
        }
        return windows;
    }

    /** The key's window if one of {@code length} is running at {@code now}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Window> current(byte[] key, Instant now, Duration length) {
        List<?> rows = em.createNativeQuery("select attempts, window_start from login_limit_window"
                + " where key_hash = ?1 and window_start > ?2")
                .setParameter(1, key).setParameter(2, now.minus(length)).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new Window(((Number) row[0]).intValue(), SqlValues.instant(row[1]))).findFirst();
    }

    /** Forgets the key's count (a successful login forgives the account's failures). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(byte[] key) {
        em.createNativeQuery("delete from login_limit_window where key_hash = ?1").setParameter(1, key).executeUpdate();
    }

    /** Deletes windows that have passed, so the table holds about one window's keys; every replica may run it. */
    @Scheduled(every = "${booking.login.eviction-interval}", delayed = "${booking.login.eviction-interval}")
    @Transactional
    void purgeExpired() {
        em.createNativeQuery("delete from login_limit_window where window_start <= ?1")
                .setParameter(1, clock.instant().minus(config.login().window())).executeUpdate();
    }

}
