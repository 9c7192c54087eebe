package org.therapybooking.notification.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-01T08:00:00Z");

    @Test
    void delayDoublesPerAttemptUpToTheCap() {
        RetryPolicy top = new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofMinutes(10), () -> 0.999999);
        assertEquals(30_000, top.delayMillis(1), 1);
        assertEquals(60_000, top.delayMillis(2), 1);
        assertEquals(120_000, top.delayMillis(3), 1);
        assertEquals(600_000, top.delayMillis(6), 1, "capped");
        assertEquals(600_000, top.delayMillis(40), 1, "no overflow");
    }

    @Test
    void jitterKeepsTheDelayBetweenHalfAndAllOfTheStep() {
        RetryPolicy bottom = new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofMinutes(10), () -> 0.0);
        assertEquals(15_000, bottom.delayMillis(1));
        assertEquals(60_000, bottom.delayMillis(3));
        RetryPolicy real = new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofMinutes(10), Math::random);
        for (int i = 0; i < 1000; i++) {
            long d = real.delayMillis(2);
            assertTrue(d >= 30_000 && d <= 60_000, Long.toString(d));
        }
    }

    @Test
    void attemptsRunOut() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.5);
        assertTrue(policy.nextAttempt(1, NOW).isPresent());
        assertTrue(policy.nextAttempt(2, NOW).isPresent());
        assertTrue(policy.nextAttempt(3, NOW).isEmpty());
        assertEquals(NOW.plusMillis(750), policy.nextAttempt(1, NOW).orElseThrow());
    }
}
