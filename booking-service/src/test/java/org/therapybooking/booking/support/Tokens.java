package org.therapybooking.booking.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.therapybooking.localstack.testing.TestTokens;

import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Hand-made tokens for the negative cases: expired, forged, wrong issuer/audience, unsigned. */
public final class Tokens {

    private Tokens() {
    }

    public static JwtClaimsBuilder claims(long userId, boolean admin) {
        return TestTokens.claims(String.valueOf(userId), "someone@example.org", admin ? TestTokens.ADMIN : TestTokens.USER,
                TestTokens.now(), Duration.ofMinutes(10));
    }

    public static String sign(JwtClaimsBuilder claims, String keyResource, String kid) {
        return TestTokens.sign(claims, keyResource, kid);
    }

    public static String signWithTestKey(JwtClaimsBuilder claims) {
        return sign(claims, "test-keys/test-only-jwt-private.pem", "test-key-1");
    }

    /** A token with {@code alg: none} and no signature. */
    public static String unsigned(long userId, boolean admin) {
        long now = TestTokens.now();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE + "\",\"sub\":\"" + userId
                + "\",\"upn\":\"someone@example.org\",\"groups\":[" + (admin ? "\"user\",\"admin\"" : "\"user\"")
                + "],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
