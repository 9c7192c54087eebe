package org.therapybooking.booking.payment;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The payment policies: how Stripe is reached, and the optional hold of unpaid bookings. Each default is written once:
 * here, or, for a property read from an environment variable, in application.properties as the Javadoc says. The
 * webhook's secret and tolerance are {@code booking.payment.*} of BookingConfig.
 */
@ConfigMapping(prefix = "booking.payment")
public interface PaymentConfig {

    Stripe stripe();

    /**
     * The payment hold, off when absent (the default): a booking that is still {@code scheduled} with payment
     * {@code pending} or {@code failed} (unpaid) more than this long after it was created is cancelled by
     * {@link UnpaidHoldExpiry}, which frees its place as a cancel does and publishes {@code booking.expired} in the
     * same transaction. Bookings already paid, cancelled, or younger than the hold are never touched.
     * {@code BOOKING_PAYMENT_HOLD}, e.g. {@code PT30M}.
     */
    Optional<Duration> hold();

    /** How often unpaid bookings past the hold are looked for (only while a hold is set). */
    @WithDefault("1m")
    String holdCheckInterval();

    /** Unpaid bookings expired per transaction; one run repeats until fewer are due. */
    @WithDefault("100")
    int holdBatchSize();

    interface Stripe {
        /**
         * Secret API key ({@code sk_test_...} in test mode, {@code sk_live_...} in production);
         * {@code STRIPE_API_KEY}, only from the environment and never logged. Without it the intent, confirm and
         * refund endpoints answer 503 (the webhook keeps working).
         */
        Optional<String> apiKey();

        /** Base URL of Stripe's API; a local Stripe-compatible stub in tests ({@code BOOKING_PAYMENT_STRIPE_API_BASE}). */
        @WithDefault("https://api.stripe.com")
        String apiBase();

        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT20S")
        Duration readTimeout();

        /**
         * Retries of a request that failed on the network or with a 409/5xx; Stripe's client retries with the same
         * {@code Idempotency-Key}, so a retried create or refund happens once.
         */
        @WithDefault("2")
        int maxNetworkRetries();
    }
}
