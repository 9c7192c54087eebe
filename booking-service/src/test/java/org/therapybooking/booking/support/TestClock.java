package org.therapybooking.booking.support;

import org.therapybooking.localstack.testing.MovableClock;

import jakarta.inject.Singleton;

/**
 * The service's clock in tests: real time, moved by {@link #advanceTo}; {@link #reset} after. As a bean of type
 * {@link java.time.Clock} in the test sources it replaces the default clock of service-commons.
 */
@Singleton
public class TestClock extends MovableClock {
}
