package org.therapybooking.notification.support;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.therapybooking.localstack.testing.TestTokens;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;

/** Tokens shaped like booking-service's, signed with the test-only key pair in src/test/resources/test-jwt. */
public final class Tokens {
    public static final String ISSUER = TestTokens.ISSUER;
    public static final String AUDIENCE = TestTokens.AUDIENCE;

    private Tokens() {
    }

    public static String admin() {
        return sign(ISSUER, AUDIENCE, TestTokens.ADMIN);
    }

    /** A therapist's token as booking-service issues it: staff (group admin) narrowed to their own (therapist). */
    public static String therapist(long userId) {
        return TestTokens.sign(TestTokens.claims(String.valueOf(userId), "dr-" + userId + "@practice.example.org",
                Set.of("user", "admin", "therapist"), TestTokens.now(), Duration.ofMinutes(5))
                .issuer(ISSUER).audience(AUDIENCE).claim("jti", UUID.randomUUID().toString()),
                "test-jwt/test-only-private-key.pem", "test-key");
    }

    public static String user() {
        return sign(ISSUER, AUDIENCE, TestTokens.USER);
    }

    /** A service token as booking-service's token endpoint issues it: {@code sub} the client, group "service". */
    public static String service(String client, String audience) {
        return TestTokens.sign(TestTokens.claims(client, client, Set.of("service"), TestTokens.now(), Duration.ofMinutes(5))
                .issuer(ISSUER).audience(audience).claim("client_id", client).claim("jti", UUID.randomUUID().toString()),
                "test-jwt/test-only-private-key.pem", "test-key");
    }

    public static String sign(String issuer, String audience, Set<String> groups) {
        return sign(issuer, audience, groups, SignatureAlgorithm.RS256, TestTokens.now());
    }

    /** An admin token signed with the test key but another RSA algorithm than RS256 (must be refused). */
    public static String adminSignedWith(SignatureAlgorithm algorithm) {
        return sign(ISSUER, AUDIENCE, TestTokens.ADMIN, algorithm, TestTokens.now());
    }

    /** An admin token, correctly signed, claiming to be issued at {@code iat} (epoch seconds), valid 5 min from then. */
    public static String adminIssuedAt(long iat) {
        return sign(ISSUER, AUDIENCE, TestTokens.ADMIN, SignatureAlgorithm.RS256, iat);
    }

    private static String sign(String issuer, String audience, Set<String> groups, SignatureAlgorithm algorithm, long iat) {
        return TestTokens.sign(TestTokens.claims("7", "staff@practice.example.org", groups, iat, Duration.ofMinutes(5))
                .issuer(issuer).audience(audience).claim("jti", UUID.randomUUID().toString()),
                "test-jwt/test-only-private-key.pem", "test-key", algorithm);
    }
}
