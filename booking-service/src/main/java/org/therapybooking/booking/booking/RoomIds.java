package org.therapybooking.booking.booking;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Jitsi room ids {@code booking-<id>-<unix seconds>-<16 random [a-z0-9]>}, unique per booking. On public
 * meet.jit.si anyone who knows a room name can join, so the random part is the room's only access control: 16
 * characters from {@link SecureRandom} give 36^16 (about 2^82) possibilities.
 */
public final class RoomIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Length of the random suffix. */
    static final int RANDOM_LENGTH = 16;

    private RoomIds() {
    }

    public static String next(long bookingId, Instant now) {
        StringBuilder id = new StringBuilder("booking-").append(bookingId).append('-').append(now.getEpochSecond())
                .append('-');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    public static String url(String baseUrl, String roomId) {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/" + roomId;
    }
}
