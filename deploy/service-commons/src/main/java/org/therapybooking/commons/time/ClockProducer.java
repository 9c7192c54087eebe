package org.therapybooking.commons.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The clock every "now" decision reads, so tests can replace it (a bean of type {@link Clock} in the test sources
 * wins over this default). It ticks in whole milliseconds: what PostgreSQL and JSON keep, so a value read back
 * equals the value written.
 */
@Singleton
public class ClockProducer {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
