package org.therapybooking.localstack.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock a service reads in its tests, in UTC and ticking in milliseconds like the production clock: either
 * running (real time, moved by {@link #advanceTo}) or standing still ({@link #set}) until a test moves it, so
 * "24 hours before the session" takes no time to reach.
 *
 * <p>Each service declares a {@code @Singleton} subclass in its test sources: as a bean of type {@link Clock}
 * there, it replaces the default clock of service-commons.
 */
public class MovableClock extends Clock {

    private static final Clock REAL = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    /** "now" was {@code at} when real time was {@code realAt}; a still clock has no {@code realAt}. */
    private record Setting(Instant at, Instant realAt) {
        Instant now() {
            return realAt == null ? at : at.plus(Duration.between(realAt, REAL.instant()));
        }
    }

    private final AtomicReference<Setting> setting = new AtomicReference<>();

    /** A clock on real time. */
    public MovableClock() {
        reset();
    }

    /** A clock standing still at {@code start}. */
    public MovableClock(Instant start) {
        set(start);
    }

    /** From now on "now" is {@code instant}, and time runs on from there. */
    public void advanceTo(Instant instant) {
        setting.set(new Setting(instant, REAL.instant()));
    }

    /** From now on "now" is {@code instant}, and stands still there until moved. */
    public void set(Instant instant) {
        setting.set(new Setting(instant, null));
    }

    public void set(String instant) {
        set(Instant.parse(instant));
    }

    /** Moves "now" on by {@code duration}, running or standing still as before; returns the new "now". */
    public Instant advance(Duration duration) {
        return setting.updateAndGet(s -> new Setting(s.now().plus(duration), s.realAt() == null ? null : REAL.instant()))
                .now();
    }

    /** Back to real time. */
    public void reset() {
        setting.set(new Setting(REAL.instant(), REAL.instant()));
    }

    @Override
    public Instant instant() {
        return setting.get().now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
