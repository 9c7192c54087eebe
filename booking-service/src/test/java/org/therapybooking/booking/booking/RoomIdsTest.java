package org.therapybooking.booking.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoomIdsTest {

    @Test
    void roomIdsHaveTheDocumentedShapeAndDoNotRepeat() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = RoomIds.next(123, now);
            assertTrue(id.matches("booking-123-1796119200-[a-z0-9]{16}"), id);
            seen.add(id);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void theRandomSuffixUsesTheWholeAlphabet() {
        // 16 characters of [a-z0-9]: over many ids every one of the 36 symbols shows up
        Set<Character> symbols = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String id = RoomIds.next(1, Instant.EPOCH);
            String suffix = id.substring(id.lastIndexOf('-') + 1);
            assertEquals(16, suffix.length(), id);
            suffix.chars().forEach(c -> symbols.add((char) c));
        }
        assertEquals(36, symbols.size());
    }

    @Test
    void urlJoinsBaseAndRoomWithOneSlash() {
        assertEquals("https://meet.jit.si/booking-1-2-abcdefgh", RoomIds.url("https://meet.jit.si", "booking-1-2-abcdefgh"));
        assertEquals("https://jitsi.example.org/booking-1-2-abcdefgh",
                RoomIds.url("https://jitsi.example.org/", "booking-1-2-abcdefgh"));
    }
}
