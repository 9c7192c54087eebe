package org.therapybooking.booking.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Checks the configuration contract: tokens of an external OIDC provider are accepted by pointing
 * JWT_PUBLIC_KEY_LOCATION at its JWKS URL and setting JWT_ISSUER, JWT_AUDIENCE and JWT_GROUPS_CLAIM_PATH; the
 * audience check is never off; key validation is never relaxed; secrets have no defaults.
 */
class ConfigurationTest {

    private static Properties properties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConfigurationTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        return properties;
    }

    @Test
    void verificationIsDrivenByEnvironmentForOwnOrExternalIssuers() throws IOException {
        Properties p = properties();
        assertEquals("${JWT_PUBLIC_KEY_LOCATION}", p.getProperty("mp.jwt.verify.publickey.location"));
        assertEquals("${JWT_ISSUER:therapy-booking}", p.getProperty("mp.jwt.verify.issuer"));
        assertEquals("${JWT_AUDIENCE:therapy-booking-api}", p.getProperty("mp.jwt.verify.audiences"));
        assertEquals("${JWT_GROUPS_CLAIM_PATH:groups}", p.getProperty("smallrye.jwt.path.groups"));
        assertEquals("false", p.getProperty("smallrye.jwt.verify.relax-key-validation"));
        assertEquals("RS256", p.getProperty("mp.jwt.verify.publickey.algorithm"));
    }

    @Test
    void secretsHaveNoDefaults() throws IOException {
        Properties p = properties();
        assertEquals("${JWT_SIGN_KEY_LOCATION}", p.getProperty("booking.jwt.sign-key-location"));
        assertEquals("${PAYMENT_WEBHOOK_SECRET}", p.getProperty("booking.payment.webhook-secret"));
        assertEquals("${BOOKING_DB_PASSWORD}", p.getProperty("%prod.quarkus.datasource.password"));
        assertEquals("${KAFKA_BOOTSTRAP_SERVERS}", p.getProperty("%prod.kafka.bootstrap.servers"));
    }
}
