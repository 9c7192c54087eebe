package org.therapybooking.commons.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

class IssuedAtVerifyingPrincipalFactoryTest {

    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER_KEYS = rsa();
    private static final String ISSUER = "therapy-booking";

    /** Counts the real verifications behind the memory. */
    static class Counting extends IssuedAtVerifyingPrincipalFactory {
        int verifications;

        @Override
        JWTCallerPrincipal verify(String token, JWTAuthContextInfo settings) throws ParseException {
            verifications++;
            return super.verify(token, settings);
        }
    }

    private final Counting factory = new Counting();
    private final JWTAuthContextInfo settings = settings(ISSUER);

    @Test
    void aVerifiedTokenIsTakenAsVerifiedWhenItComesAgain() throws ParseException {
        String token = token(now(), now() + 3600, KEYS.getPrivate());
        JWTCallerPrincipal first = factory.parse(token, settings);
        assertSame(first, factory.parse(token, settings));
        assertEquals(1, factory.verifications);
        assertEquals("7", first.getSubject());
    }

    @Test
    void aForgedTokenFailsEveryTime() {
        String forged = token(now(), now() + 3600, OTHER_KEYS.getPrivate());
        assertThrows(ParseException.class, () -> factory.parse(forged, settings));
        assertThrows(ParseException.class, () -> factory.parse(forged, settings));
        assertEquals(2, factory.verifications, "a failure is never remembered");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedEveryTime() {
        String future = token(now() + 3600, now() + 7200, KEYS.getPrivate());
        ParseException refused = assertThrows(ParseException.class, () -> factory.parse(future, settings));
        assertEquals(true, refused.getMessage().contains("issued in the future"));
        assertThrows(ParseException.class, () -> factory.parse(future, settings));
        assertEquals(2, factory.verifications);
    }

    @Test
    void aTokenVerifiedUnderOneSettingIsVerifiedAnewUnderAnother() throws ParseException {
        String token = token(now(), now() + 3600, KEYS.getPrivate());
        factory.parse(token, settings);
        assertThrows(ParseException.class, () -> factory.parse(token, settings("another-issuer")));
        assertEquals(2, factory.verifications);
    }

    @Test
    void aTokenIsRememberedUntilItsExpiryAndForAMinuteAtMost() {
        long nowMillis = 1_800_000_000_000L;
        assertEquals(Duration.ofSeconds(10), IssuedAtVerifyingPrincipalFactory.rememberFor(1_800_000_010L, nowMillis));
        assertEquals(Duration.ofSeconds(60), IssuedAtVerifyingPrincipalFactory.rememberFor(1_800_003_600L, nowMillis));
        assertEquals(Duration.ZERO, IssuedAtVerifyingPrincipalFactory.rememberFor(1_800_000_000L, nowMillis));
        assertEquals(Duration.ZERO, IssuedAtVerifyingPrincipalFactory.rememberFor(0, nowMillis), "no exp: not kept");
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static JWTAuthContextInfo settings(String issuer) {
        JWTAuthContextInfo info = new JWTAuthContextInfo((RSAPublicKey) KEYS.getPublic(), issuer);
        info.setClockSkew(30);
        return info;
    }

    private static String token(long issuedAt, long expiresAt, PrivateKey key) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ISSUER);
            claims.setSubject("7");
            claims.setClaim("upn", "7");
            claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
