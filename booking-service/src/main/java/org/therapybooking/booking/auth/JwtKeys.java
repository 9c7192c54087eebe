package org.therapybooking.booking.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.therapybooking.booking.common.BookingConfig;

/**
 * The signing key (PKCS#8 PEM, RSA ≥ 2048) and the public keys published at {@code /api/auth/jwks}: the current
 * key, derived from the signing key, plus any previous keys kept during a rotation.
 */
@ApplicationScoped
public class JwtKeys {

    private static final int MIN_RSA_BITS = 2048;

    private final BookingConfig config;

    private PrivateKey signingKey;
    private List<Map<String, Object>> jwks;

    public JwtKeys(BookingConfig config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        BookingConfig.Jwt jwt = config.jwt();
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) readPrivateKey(read(jwt.signKeyLocation()));
        requireStrength(privateKey.getModulus(), jwt.signKeyLocation());
        signingKey = privateKey;
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(jwk(jwt.signKeyId(), publicOf(privateKey)));
        for (String entry : jwt.previousPublicKeys().orElse(List.of())) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("previous public key must be kid=location: " + entry);
            }
            RSAPublicKey previous = readPublicKey(read(entry.substring(eq + 1).trim()));
            requireStrength(previous.getModulus(), entry);
            keys.add(jwk(entry.substring(0, eq).trim(), previous));
        }
        jwks = List.copyOf(keys);
    }

    public PrivateKey signingKey() {
        return signingKey;
    }

    public String signingKeyId() {
        return config.jwt().signKeyId();
    }

    /** The JSON Web Key Set document. */
    public Map<String, Object> jwks() {
        return Map.of("keys", jwks);
    }

    private static Map<String, Object> jwk(String kid, RSAPublicKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", base64Url(key.getModulus()));
        jwk.put("e", base64Url(key.getPublicExponent()));
        return jwk;
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireStrength(BigInteger modulus, String where) {
        if (modulus.bitLength() < MIN_RSA_BITS) {
            throw new IllegalStateException("RSA key " + where + " is shorter than " + MIN_RSA_BITS + " bits");
        }
    }

    static PrivateKey readPrivateKey(String pem) {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalStateException("the signing key must be PKCS#8 (BEGIN PRIVATE KEY); convert with "
                    + "openssl pkcs8 -topk8 -nocrypt");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the RSA signing key", e);
        }
    }

    static RSAPublicKey readPublicKey(String pem) {
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
            return (RSAPublicKey) key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read an RSA public key", e);
        }
    }

    private static byte[] der(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    /** Reads a file path, or a class-path resource when prefixed with {@code classpath:}. */
    static String read(String location) {
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length());
                try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("key resource not found: " + resource);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            }
            return Files.readString(Path.of(location), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key " + location, e);
        }
    }
}
