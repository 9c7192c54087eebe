package org.therapybooking.booking.common;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every policy of booking-service in one place; see README.md for the environment variables behind them. */
@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    Jwt jwt();

    Login login();

    Admin admin();

    Bookings bookings();

    Jitsi jitsi();

    Payment payment();

    Outbox outbox();

    interface Jwt {
        /** PKCS#8 PEM private key (file path, or {@code classpath:} resource). */
        String signKeyLocation();

        @WithDefault("booking-service-1")
        String signKeyId();

        @WithDefault("therapy-booking")
        String issuer();

        @WithDefault("therapy-booking-api")
        String audience();

        @WithDefault("PT1H")
        Duration lifespan();

        /** Previous public keys still published in the JWKS during a rotation, each {@code kid=location}. */
        Optional<List<String>> previousPublicKeys();
    }

    interface Login {
        /** Failed logins allowed per account within {@link #window()}. */
        @WithDefault("5")
        int maxFailuresPerAccount();

        /** Login attempts (any outcome) allowed per client address within {@link #window()}. */
        @WithDefault("30")
        int maxAttemptsPerClient();

        @WithDefault("PT15M")
        Duration window();
    }

    interface Admin {
        Optional<String> seedEmail();

        Optional<String> seedPassword();

        @WithDefault("Admin")
        String seedFirstName();

        @WithDefault("Therapist")
        String seedLastName();

        @WithDefault("UTC")
        String seedTimeZone();
    }

    interface Bookings {
        /** A booking can be rescheduled only this long before it starts. */
        @WithDefault("PT24H")
        Duration rescheduleNotice();

        @WithDefault("50")
        int defaultPageSize();

        /** Larger page sizes are capped to this. */
        @WithDefault("200")
        int maxPageSize();
    }

    interface Jitsi {
        @WithDefault("https://meet.jit.si")
        String baseUrl();
    }

    interface Payment {
        String webhookSecret();

        @WithDefault("PT5M")
        Duration signatureTolerance();
    }

    interface Outbox {
        @WithDefault("booking.events")
        String topic();

        @WithDefault("100")
        int batchSize();

        @WithDefault("PT0.5S")
        Duration initialBackoff();

        @WithDefault("PT30S")
        Duration maxBackoff();

        /** How long one relay run waits for the broker's acknowledgements. */
        @WithDefault("PT10S")
        Duration sendTimeout();
    }
}
