package org.therapybooking.notification.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.therapybooking.notification.common.NotificationConfig;

/**
 * Exponential backoff with jitter for transient failures: the n-th retry waits a random time between half and
 * all of min(maxDelay, baseDelay * 2^(n-1)), so workers that failed together do not retry together.
 */
@ApplicationScoped
public class RetryPolicy {

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final DoubleSupplier random;

    @Inject
    RetryPolicy(NotificationConfig config) {
        this(config.retry().maxAttempts(), config.retry().baseDelay(), config.retry().maxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, DoubleSupplier random) {
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.random = random;
    }

    /**
     * @param attemptsSoFar attempts made, the failed one included
     * @return when to try again, or empty when the attempts are used up
     */
    public Optional<Instant> nextAttempt(int attemptsSoFar, Instant now) {
        if (attemptsSoFar >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(now.plusMillis(delayMillis(attemptsSoFar)));
    }

    long delayMillis(int attemptsSoFar) {
        long cap = maxDelay.toMillis();
        int shift = Math.min(Math.max(attemptsSoFar - 1, 0), 30);
        long exponential = Math.min(cap, baseDelay.toMillis() << shift);
        if (exponential < 0) {
            exponential = cap;
        }
        long half = exponential / 2;
        return half + (long) (random.getAsDouble() * (exponential - half));
    }
}
