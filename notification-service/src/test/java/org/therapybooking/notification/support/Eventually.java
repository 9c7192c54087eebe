package org.therapybooking.notification.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls until a condition holds (the consumer and the scheduler are asynchronous). */
public final class Eventually {
    private Eventually() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, () -> { });
    }

    /** Like {@link #until} but runs {@code step} between polls (e.g. moving the test clock). */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Runnable step) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            step.run();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Gives asynchronous work time to do something it must not do, e.g. send a second email. */
    public static void quietFor(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
