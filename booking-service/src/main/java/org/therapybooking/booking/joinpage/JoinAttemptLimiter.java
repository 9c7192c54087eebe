package org.therapybooking.booking.joinpage;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.therapybooking.booking.auth.LimitWindows;
import org.therapybooking.booking.common.BookingConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Join links that do not open, counted per client address in the login limits' {@link LimitWindows} (shared by
 * every replica, same window and purge). Past the limit an address gets "too many attempts" for every link until
 * its window has passed. Tokens cannot be guessed anyway; this keeps a scanner from trying. Only failures write:
 * opening a good link costs one read.
 */
@ApplicationScoped
public class JoinAttemptLimiter {

    private final LimitWindows windows;
    private final BookingConfig config;
    private final Clock clock;

    public JoinAttemptLimiter(LimitWindows windows, BookingConfig config, Clock clock) {
        this.windows = windows;
        this.config = config;
        this.clock = clock;
    }

    /** Seconds until the address may try again; empty while it is under the limit. In the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong retryAfter(String clientAddress) {
        Instant now = clock.instant();
        return windows.current(key(clientAddress), now, config.login().window())
                .filter(window -> window.attempts() >= config.joinLinks().maxFailuresPerClient())
                .map(window -> OptionalLong.of(window.retryAfterSeconds(now, config.login().window())))
                .orElse(OptionalLong.empty());
    }

    /** One more link that did not open from this address (its own transaction). */
    public void countFailure(String clientAddress) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> windows.count(now, config.login().window(), key(clientAddress)));
    }

    private static byte[] key(String clientAddress) {
        return LimitWindows.key("join", clientAddress);
    }
}
