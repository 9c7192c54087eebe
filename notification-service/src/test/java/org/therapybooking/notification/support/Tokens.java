package org.therapybooking.notification.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/** Tokens shaped like booking-service's, signed with the test-only key pair in src/test/resources/test-jwt. */
public final class Tokens {
    public static final String ISSUER = "therapy-booking";
    public static final String AUDIENCE = "therapy-booking-api";

    private Tokens() {
    }

    public static String admin() {
        return sign(ISSUER, AUDIENCE, Set.of("user", "admin"));
    }

    public static String user() {
        return sign(ISSUER, AUDIENCE, Set.of("user"));
    }

    /** A service token as booking-service's token endpoint issues it: {@code sub} the client, group "service". */
    public static String service(String client, String audience) {
        long iat = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).audience(audience).subject(client).claim("client_id", client)
                .groups(Set.of("service")).claim("jti", UUID.randomUUID().toString())
                .issuedAt(iat).expiresAt(iat + Duration.ofMinutes(5).toSeconds())
                .jws().keyId("test-key").sign(privateKey());
    }

    public static String sign(String issuer, String audience, Set<String> groups) {
        return sign(issuer, audience, groups, SignatureAlgorithm.RS256);
    }

    /** An admin token signed with the test key but another RSA algorithm than RS256 (must be refused). */
    public static String adminSignedWith(SignatureAlgorithm algorithm) {
        return sign(ISSUER, AUDIENCE, Set.of("user", "admin"), algorithm);
    }

    /** An admin token, correctly signed, claiming to be issued at {@code iat} (epoch seconds), valid 5 min from then. */
    public static String adminIssuedAt(long iat) {
        return sign(ISSUER, AUDIENCE, Set.of("user", "admin"), SignatureAlgorithm.RS256, iat);
    }

    private static String sign(String issuer, String audience, Set<String> groups, SignatureAlgorithm algorithm) {
        return sign(issuer, audience, groups, algorithm, System.currentTimeMillis() / 1000);
    }

    private static String sign(String issuer, String audience, Set<String> groups, SignatureAlgorithm algorithm, long iat) {
        return Jwt.issuer(issuer).audience(audience).subject("7").upn("staff@practice.example.org").groups(groups)
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(iat).expiresAt(iat + Duration.ofMinutes(5).toSeconds())
                .jws().keyId("test-key").algorithm(algorithm).sign(privateKey());
    }

    private static PrivateKey privateKey() {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream("test-jwt/test-only-private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
