package org.therapybooking.booking.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URL;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.booking.support.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * What another service sees when it verifies through {@code GET /api/auth/jwks} over HTTP (the rotation setup in
 * the README): tokens of the current and of the previous key verify, selected by {@code kid}; others do not.
 */
@QuarkusTest
class JwksRotationTest extends IntegrationTest {

    @TestHTTPResource("/api/auth/jwks")
    URL jwks;

    private DefaultJWTParser verifierThroughJwksUrl() {
        JWTAuthContextInfo info = new JWTAuthContextInfo(jwks.toString(), "therapy-booking");
        info.setExpectedAudience(Set.of("therapy-booking-api"));
        return new DefaultJWTParser(info);
    }

    @Test
    void tokensOfTheCurrentAndThePreviousKeyVerify() throws ParseException {
        DefaultJWTParser parser = verifierThroughJwksUrl();
        assertEquals("41", parser.parse(Tokens.signWithTestKey(Tokens.claims(41, false))).getSubject());
        assertEquals("42", parser.parse(Tokens.sign(Tokens.claims(42, false),
                "test-keys/test-only-previous-private.pem", "test-key-0")).getSubject());
    }

    @Test
    void tokensOfOtherKeysDoNotVerify() {
        DefaultJWTParser parser = verifierThroughJwksUrl();
        assertThrows(ParseException.class, () -> parser.parse(Tokens.sign(Tokens.claims(43, true),
                "test-keys/test-only-forger-private.pem", "test-key-1")));
        assertThrows(ParseException.class, () -> parser.parse(Tokens.sign(Tokens.claims(44, true),
                "test-keys/test-only-forger-private.pem", "unknown-kid")));
        // a real token whose kid claims the previous key but was signed by the current one
        assertThrows(ParseException.class, () -> parser.parse(Tokens.sign(Tokens.claims(45, true),
                "test-keys/test-only-jwt-private.pem", "test-key-0")));
    }
}
