package org.therapybooking.booking.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.IntegrationTest;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The configuration in effect: what the running service uses, and what production requires from outside. */
@QuarkusTest
class ConfigurationTest extends IntegrationTest {

    @Inject
    SmallRyeConfig config;

    @Inject
    BookingConfig booking;

    @Test
    void issuedTokensCarryWhatVerificationRequires() {
        assertEquals("therapy-booking", config.getValue("mp.jwt.verify.issuer", String.class));
        assertEquals("therapy-booking-api", config.getValue("mp.jwt.verify.audiences", String.class));
        assertEquals(config.getValue("mp.jwt.verify.issuer", String.class), booking.jwt().issuer());
        assertEquals(config.getValue("mp.jwt.verify.audiences", String.class), booking.jwt().audience());
        assertEquals("groups", config.getValue("smallrye.jwt.path.groups", String.class));
        assertEquals("RS256", config.getValue("mp.jwt.verify.publickey.algorithm", String.class));
        assertFalse(config.getValue("smallrye.jwt.verify.relax-key-validation", Boolean.class));
    }

    @Test
    void policiesHaveTheirDocumentedDefaults() {
        assertEquals(Duration.ofHours(24), booking.jwt().lifespan(), "the original API's");
        assertEquals(5, booking.login().maxFailuresPerAccount());
        assertEquals(20, booking.login().maxAttemptsPerClient(), "the test profile's override");
        assertEquals(Duration.ofMinutes(15), booking.login().window());
        assertEquals(Duration.ofHours(2), booking.bookings().rescheduleNotice(), "the original API's");
        assertEquals(List.of(30, 45), booking.bookings().allowedDurations().orElseThrow(),
                "the test profile's override");
        assertEquals("UTC", booking.practice().timeZone());
        assertEquals(new BigDecimal("100.00"), booking.practice().defaultAmount());
        assertEquals("EUR", booking.practice().defaultCurrency());
        assertEquals(50, booking.bookings().defaultPageSize());
        assertEquals(200, booking.bookings().maxPageSize());
        assertEquals(Duration.ofSeconds(30), booking.meetingLinks().retryAfter());
        assertEquals("booking.events", booking.outbox().topic());
        assertEquals("1s", booking.outbox().pollInterval());
        assertEquals(Duration.ofMinutes(5), booking.outbox().staleAfter());
        assertEquals(Duration.ofMinutes(5), booking.serviceTokens().lifespan());
        assertEquals(Duration.ofMinutes(1), booking.serviceTokens().renewBefore());
        assertEquals(List.of("meeting-link-service"),
                booking.serviceTokens().clients().get("notification-service").audiences());
    }

    /** Production reads secrets and connections from the environment only: without it the service does not start. */
    @Test
    void productionHasNoDefaultsForSecrets() throws IOException {
        SmallRyeConfig prod = new SmallRyeConfigBuilder().withProfile("prod")
                .withSources(new PropertiesConfigSource(getClass().getClassLoader().getResource("application.properties")))
                .build();
        for (String secret : new String[] { "booking.jwt.sign-key-location", "booking.payment.webhook-secret",
                "mp.jwt.verify.publickey.location", "quarkus.datasource.password", "kafka.bootstrap.servers" }) {
            assertThrows(NoSuchElementException.class, () -> prod.getValue(secret, String.class), secret);
        }
        // and the defaults that do apply are the documented ones
        assertEquals("https://meet.jit.si", prod.getValue("booking.jitsi.base-url", String.class));
        assertEquals("PT24H", prod.getValue("booking.jwt.lifespan", String.class));
        assertEquals("PT2H", prod.getValue("booking.bookings.reschedule-notice", String.class));
        assertTrue(prod.getOptionalValue("booking.service-tokens.clients.notification-service.secret-sha256", String.class)
                .isEmpty(), "without NOTIFICATION_CLIENT_SECRET_SHA256 no client gets service tokens");
        assertTrue(prod.getOptionalValue("booking.bookings.allowed-durations", String.class).isEmpty(),
                "without BOOKING_DURATIONS a session is its whole slot");
    }
}
