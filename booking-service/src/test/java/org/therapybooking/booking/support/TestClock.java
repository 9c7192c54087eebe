package org.therapybooking.booking.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * The service's clock in tests: real time in milliseconds, moved by {@link #advanceTo}; {@link #reset} after.
 * As a bean of type {@link Clock} in the test sources it replaces the default clock of service-commons.
 */
@Singleton
public class TestClock extends Clock {

    private static final Clock REAL = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    private static volatile Duration offset = Duration.ZERO;

    /** From now on the service's "now" is {@code instant} (and runs on from there). */
    public static void advanceTo(Instant instant) {
        offset = Duration.between(REAL.instant(), instant);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return REAL.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service's clock is UTC");
    }
}
