package org.therapybooking.booking.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.booking.common.BookingConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Sliding-window login limits, in memory (per replica): failed attempts per account, all attempts per client
 * address. A replicated deployment multiplies the budget by the replica count; see README.
 */
@ApplicationScoped
public class LoginRateLimiter {

    private final ConcurrentHashMap<String, Deque<Long>> windows = new ConcurrentHashMap<>();

    private final BookingConfig config;
    private final Clock clock;

    public LoginRateLimiter(BookingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Counts this attempt for the client and refuses when the client or the account is over its budget. */
    public void checkAndCountAttempt(String email, String clientAddress) {
        BookingConfig.Login login = config.login();
        long now = clock.millis();
        long windowMillis = login.window().toMillis();
        String clientKey = "client:" + clientAddress;
        String accountKey = accountKey(email);
        long clientRetry = retryAfter(clientKey, login.maxAttemptsPerClient(), now, windowMillis, true);
        if (clientRetry > 0) {
            throw ApiException.tooManyRequests("Too many login attempts from this client", clientRetry);
        }
        long accountRetry = retryAfter(accountKey, login.maxFailuresPerAccount(), now, windowMillis, false);
        if (accountRetry > 0) {
            throw ApiException.tooManyRequests("Too many failed logins for this account", accountRetry);
        }
    }

    public void recordFailure(String email) {
        record(accountKey(email), clock.millis());
    }

    public void recordSuccess(String email) {
        windows.remove(accountKey(email));
    }

    private long retryAfter(String key, int max, long now, long windowMillis, boolean countThisAttempt) {
        Deque<Long> stamps = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (stamps) {
            while (!stamps.isEmpty() && stamps.peekFirst() <= now - windowMillis) {
                stamps.pollFirst();
            }
            if (stamps.size() >= max) {
                long oldest = stamps.peekFirst();
                return Math.max(1, Duration.ofMillis(oldest + windowMillis - now).toSeconds() + 1);
            }
            if (countThisAttempt) {
                stamps.addLast(now);
            }
            return 0;
        }
    }

    private void record(String key, long now) {
        Deque<Long> stamps = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (stamps) {
            stamps.addLast(now);
        }
    }

    /** Drops windows with no recent attempts so the map does not grow without bound. */
    @Scheduled(every = "${booking.login.eviction-interval}", delayed = "${booking.login.eviction-interval}")
    void evictIdle() {
        long cutoff = clock.millis() - config.login().window().toMillis();
        windows.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                Long last = entry.getValue().peekLast();
                return last == null || last <= cutoff;
            }
        });
    }

    private static String accountKey(String email) {
        return "account:" + email.trim().toLowerCase(Locale.ROOT);
    }
}
