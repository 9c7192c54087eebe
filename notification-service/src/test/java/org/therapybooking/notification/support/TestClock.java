package org.therapybooking.notification.support;

import java.time.Instant;

import org.therapybooking.localstack.testing.MovableClock;

import jakarta.inject.Singleton;

/**
 * The application's clock in tests (replaces the default system clock bean): stands still until a test sets or
 * advances it, so "24 hours before the session" takes no time to reach.
 */
@Singleton
public class TestClock extends MovableClock {
    public TestClock() {
        super(Instant.parse(NotificationIT.START_OF_TEST));
    }
}
