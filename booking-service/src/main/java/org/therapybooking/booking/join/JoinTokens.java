package org.therapybooking.booking.join;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.therapybooking.booking.auth.JwtKeys;
import org.therapybooking.booking.common.BookingConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Join tokens: (booking, participant, role, sequence) sealed with AES-256-GCM under a server key, base64url. A token
 * is opaque (nothing in it is readable without the key), cannot be guessed or forged (a 128-bit tag authenticates
 * it) and needs no storage: it is opened, not looked up, so lists with links cost no write. The nonce is derived from
 * the content (a synthetic IV, as in RFC 8452), so the same participant gets the same link in every answer and email
 * until the booking's sequence changes; a reschedule or cancel raises the sequence and voids older links.
 */
@ApplicationScoped
public class JoinTokens {

    /** Bumped when the layout changes; a token of another version does not open. */
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int CONTENT_BYTES = 1 + 8 + 8 + 1 + 4;
    /** base64url of nonce + content + tag: longer or shorter input is refused before any crypto. */
    static final int TOKEN_CHARS = (int) Math.ceil((NONCE_BYTES + CONTENT_BYTES + TAG_BITS / 8) * 4 / 3.0);

    private final SecretKeySpec sealKey;
    private final SecretKeySpec nonceKey;
    /**
     * A claim always seals to the same token, and every list answer seals one per booking: tokens sealed lately are
     * handed out again (bounded, about 200 bytes each) instead of running HMAC and AES-GCM for each booking shown.
     */
    private final Cache<Claim, String> sealed = Caffeine.newBuilder().maximumSize(10_000).build();

    @Inject
    public JoinTokens(BookingConfig config, JwtKeys jwtKeys) {
        this(config.joinLinks().key().map(JoinTokens::decodeKey)
                .orElseGet(() -> derive(jwtKeys.signingKey().getEncoded(), "therapy-booking join links")));
    }

    JoinTokens(byte[] master) {
        this.sealKey = new SecretKeySpec(derive(master, "seal v1"), "AES");
        this.nonceKey = new SecretKeySpec(derive(master, "nonce v1"), "HmacSHA256");
    }

    /** The participant's role in the meeting, as one byte of the token. */
    public enum Role {
        CLIENT, HOST
    }

    /** What a token stands for. */
    public record Claim(long bookingId, long participantId, Role role, int sequence) {
    }

    public String seal(Claim claim) {
        return sealed.get(claim, this::sealNow);
    }

    private String sealNow(Claim claim) {
        byte[] content = ByteBuffer.allocate(CONTENT_BYTES).put(VERSION).putLong(claim.bookingId())
                .putLong(claim.participantId()).put((byte) claim.role().ordinal()).putInt(claim.sequence()).array();
        try {
            byte[] nonce = Arrays.copyOf(hmac(nonceKey, content), NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(content);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The claim of a token this service sealed; empty for anything else (malformed, forged, another key). */
    public Optional<Claim> open(String token) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(token);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            ByteBuffer content = ByteBuffer.wrap(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES));
            if (content.get() != VERSION) {
                return Optional.empty();
            }
            long bookingId = content.getLong();
            long participantId = content.getLong();
            int role = content.get();
            int sequence = content.getInt();
            if (role < 0 || role >= Role.values().length) {
                return Optional.empty();
            }
            return Optional.of(new Claim(bookingId, participantId, Role.values()[role], sequence));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] key = Base64.getDecoder().decode(base64.trim());
        if (key.length < 32) {
            throw new IllegalArgumentException("JOIN_LINK_KEY must hold at least 32 bytes (base64)");
        }
        return key;
    }

    /** HMAC-SHA256 as a key derivation step (HKDF-Expand with one block). */
    private static byte[] derive(byte[] key, String purpose) {
        try {
            return hmac(new SecretKeySpec(key, "HmacSHA256"), purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(key);
        return mac.doFinal(data);
    }
}
