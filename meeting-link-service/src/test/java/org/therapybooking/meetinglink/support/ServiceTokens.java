package org.therapybooking.meetinglink.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import org.therapybooking.meetinglink.api.MeetingLinkApi;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Tokens shaped like booking-service's service tokens (and, for the refusals, like its user tokens), signed with the
 * test-only key pair in src/test/resources/test-jwt.
 */
public final class ServiceTokens {

    public static final String ISSUER = "therapy-booking";
    /** The audience of booking-service's user tokens. */
    public static final String USER_AUDIENCE = "therapy-booking-api";

    private ServiceTokens() {
    }

    /** A request as booking-service or notification-service sends it: with a valid service token. */
    public static RequestSpecification asService() {
        return given().auth().oauth2(valid());
    }

    public static String valid() {
        return sign(claims("notification-service", MeetingLinkApi.AUDIENCE, Set.of(MeetingLinkApi.CALLER_GROUP),
                Instant.now()));
    }

    /** Service-token claims issued at {@code iat}, valid five minutes from then. */
    public static JwtClaimsBuilder claims(String subject, String audience, Set<String> groups, Instant iat) {
        return Jwt.issuer(ISSUER).audience(audience).subject(subject).groups(groups)
                .claim("client_id", subject).claim("jti", UUID.randomUUID().toString())
                .issuedAt(iat).expiresAt(iat.plusSeconds(300));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("test-key").sign(privateKey());
    }

    /** The same claims with {@code alg: none} and no signature. */
    public static String unsigned() {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + MeetingLinkApi.AUDIENCE
                + "\",\"sub\":\"booking-service\",\"groups\":[\"" + MeetingLinkApi.CALLER_GROUP + "\"],\"iat\":" + now
                + ",\"exp\":" + (now + 300) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static PrivateKey privateKey() {
        try (InputStream in = ServiceTokens.class.getClassLoader().getResourceAsStream("test-jwt/test-only-private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
