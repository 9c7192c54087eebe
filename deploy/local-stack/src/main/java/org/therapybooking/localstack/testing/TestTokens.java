package org.therapybooking.localstack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens shaped like booking-service's (issuer, audience, subject, upn, groups, iat, exp), signed for tests
 * with a test-only RSA key from the test class path. The services wrap this in their own {@code Tokens} with the
 * key and the cases their tests need.
 */
public final class TestTokens {
    public static final String ISSUER = "therapy-booking";
    public static final String AUDIENCE = "therapy-booking-api";
    public static final Set<String> USER = Set.of("user");
    public static final Set<String> ADMIN = Set.of("user", "admin");

    private TestTokens() {
    }

    /** The claims of a token issued at {@code iat} (epoch seconds), valid for {@code validFor}. */
    public static JwtClaimsBuilder claims(String subject, String upn, Set<String> groups, long iat, Duration validFor) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(upn).groups(groups)
                .issuedAt(iat).expiresAt(iat + validFor.toSeconds());
    }

    /** Seconds since the epoch, as {@code iat} and {@code exp} count. */
    public static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** Signs with the PKCS#8 PEM private key at {@code keyResource} on the class path, naming it {@code kid}. */
    public static String sign(JwtClaimsBuilder claims, String keyResource, String kid, SignatureAlgorithm algorithm) {
        return claims.jws().keyId(kid).algorithm(algorithm).sign(privateKey(keyResource));
    }

    public static String sign(JwtClaimsBuilder claims, String keyResource, String kid) {
        return sign(claims, keyResource, kid, SignatureAlgorithm.RS256);
    }

    /** The PKCS#8 PEM RSA private key at {@code resource} on the class path. */
    public static PrivateKey privateKey(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : TestTokens.class.getClassLoader()).getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test key " + resource + " is not on the class path");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
