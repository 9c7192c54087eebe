package org.therapybooking.booking.booking;

import java.security.SecureRandom;
import java.time.Instant;

/** Jitsi room ids {@code booking-<id>-<unix seconds>-<8 random [a-z0-9]>}: unguessable, unique per booking. */
public final class RoomIds {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomIds() {
    }

    public static String next(long bookingId, Instant now) {
        StringBuilder id = new StringBuilder("booking-").append(bookingId).append('-').append(now.getEpochSecond())
                .append('-');
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    public static String url(String baseUrl, String roomId) {
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/" + roomId;
    }
}
