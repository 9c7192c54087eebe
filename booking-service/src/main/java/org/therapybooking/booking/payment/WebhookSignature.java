package org.therapybooking.booking.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe-style signatures: header {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} (several v1 values
 * allowed during a secret rotation). Pure logic, unit-tested.
 */
public final class WebhookSignature {

    public enum Outcome { VALID, MALFORMED, BAD_SIGNATURE, OUTSIDE_TOLERANCE }

    private WebhookSignature() {
    }

    public static Outcome verify(String header, byte[] body, String secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return Outcome.MALFORMED;
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                return Outcome.MALFORMED;
            }
            if (kv[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return Outcome.MALFORMED;
                }
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Outcome.MALFORMED;
        }
        byte[] expected = sign(timestamp, body, secret);
        boolean matched = false;
        for (String candidate : signatures) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(candidate.toLowerCase());
            } catch (IllegalArgumentException e) {
                continue;
            }
            // constant time; keep looping so the time does not reveal which candidate matched
            matched |= MessageDigest.isEqual(expected, given);
        }
        if (!matched) {
            return Outcome.BAD_SIGNATURE;
        }
        long age = Math.abs(now.getEpochSecond() - timestamp);
        return age > tolerance.toSeconds() ? Outcome.OUTSIDE_TOLERANCE : Outcome.VALID;
    }

    public static byte[] sign(long timestamp, byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(long timestamp, byte[] body, String secret) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(timestamp, body, secret));
    }
}
