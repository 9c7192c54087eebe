package org.therapybooking.booking.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Hand-made tokens for the negative cases: expired, forged, wrong issuer/audience, unsigned. */
public final class Tokens {

    private Tokens() {
    }

    public static JwtClaimsBuilder claims(long userId, boolean admin) {
        Instant now = Instant.now();
        return Jwt.issuer("therapy-booking").audience("therapy-booking-api").subject(String.valueOf(userId))
                .upn("someone@example.org").groups(admin ? Set.of("user", "admin") : Set.of("user"))
                .issuedAt(now).expiresAt(now.plusSeconds(600));
    }

    public static String sign(JwtClaimsBuilder claims, String keyResource, String kid) {
        return claims.jws().keyId(kid).sign(privateKey(keyResource));
    }

    public static String signWithTestKey(JwtClaimsBuilder claims) {
        return sign(claims, "test-keys/test-only-jwt-private.pem", "test-key-1");
    }

    /** A token with {@code alg: none} and no signature. */
    public static String unsigned(long userId, boolean admin) {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"therapy-booking\",\"aud\":\"therapy-booking-api\",\"sub\":\"" + userId
                + "\",\"upn\":\"someone@example.org\",\"groups\":[" + (admin ? "\"user\",\"admin\"" : "\"user\"")
                + "],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    static PrivateKey privateKey(String resource) {
        try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
