package org.therapybooking.booking.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.commons.problem.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Login limits in the shared {@link LimitWindows}, so every replica counts against one budget: attempts per client
 * address (any outcome) and per account (password checks; a successful login resets its count). Both are counted
 * by one upsert; an account's attempt is counted before its password is checked, so at most
 * {@code maxFailuresPerAccount} guesses per window reach bcrypt, however many replicas serve them.
 */
@ApplicationScoped
public class LoginRateLimiter {

    private final LimitWindows windows;
    private final BookingConfig config;
    private final Clock clock;

    public LoginRateLimiter(LimitWindows windows, BookingConfig config, Clock clock) {
        this.windows = windows;
        this.config = config;
        this.clock = clock;
    }

    /** Counts this attempt for the client and the account and refuses when either is over its budget. */
    public void checkAndCountAttempt(String email, String clientAddress) {
        BookingConfig.Login login = config.login();
        Instant now = clock.instant();
        // its own short transaction: the caller holds no connection while bcrypt runs
        List<LimitWindows.Window> counted = QuarkusTransaction.requiringNew()
                .call(() -> windows.count(now, login.window(), clientKey(clientAddress), accountKey(email)));
        LimitWindows.Window client = counted.get(0);
        LimitWindows.Window account = counted.get(1);
        if (client.attempts() > login.maxAttemptsPerClient()) {
            throw ApiException.tooManyRequests("Too many login attempts from this client",
                    client.retryAfterSeconds(now, login.window()));
        }
        if (account.attempts() > login.maxFailuresPerAccount()) {
            throw ApiException.tooManyRequests("Too many failed logins for this account",
                    account.retryAfterSeconds(now, login.window()));
        }
    }

    /** The password was right: the account's failures are forgiven. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSuccess(String email) {
        windows.forget(accountKey(email));
    }

    static byte[] clientKey(String clientAddress) {
        return LimitWindows.key("client", clientAddress);
    }

    public static byte[] accountKey(String email) {
        return LimitWindows.key("account", email.trim().toLowerCase(Locale.ROOT));
    }
}
