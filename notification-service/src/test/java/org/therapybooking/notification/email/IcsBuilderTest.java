package org.therapybooking.notification.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class IcsBuilderTest {

    private static IcsBuilder.Event event(String summary, String description) {
        return new IcsBuilder.Event(IcsBuilder.uidFor(123), 2, Instant.parse("2026-11-20T09:15:02Z"),
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T11:00:00Z"), summary, description,
                "Jitsi Meet video session", "https://meet.jit.si/booking-123-1795000000-k3x9q2m7#userInfo.displayName=%22Zo%C3%AB%20O'Brien%22&config.prejoinConfig.enabled=true",
                new IcsBuilder.Person("Dana Smith, PhD", "dr.smith@practice.example"),
                new IcsBuilder.Person("Zoë O\"Brien", "zoe@example.org"));
    }

    @Test
    void linesEndWithCrlfAndNoneIsLongerThan75Octets() {
        String ics = IcsBuilder.build(IcsBuilder.Method.REQUEST, event("Therapy session", "x".repeat(300)));
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "no bare LF");
        assertFalse(ics.replace("\r\n", "").contains("\r"), "no bare CR");
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "too long: " + line);
        }
    }

    @Test
    void foldingNeverSplitsAMultiByteCharacterAndUnfoldsToTheOriginal() {
        String summary = "Sitzung mit Zoë Öztürk – ÄÖÜ ß ".repeat(6);
        String ics = IcsBuilder.build(IcsBuilder.Method.REQUEST, event(summary, null));
        for (String line : ics.split("\r\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertTrue(bytes.length <= 75);
            assertEquals(line, new String(bytes, StandardCharsets.UTF_8), "each line is valid UTF-8 on its own");
        }
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:" + IcsBuilder.escapeText(summary) + "\r\n"), unfolded);
    }

    @Test
    void textValuesEscapeBackslashSemicolonCommaAndNewlines() {
        assertEquals("a\\\\b\\;c\\,d\\ne\\nf", IcsBuilder.escapeText("a\\b;c,d\ne\r\nf"));
        String ics = IcsBuilder.build(IcsBuilder.Method.REQUEST, event("Session; with, care", "Line one\nLine two"));
        assertTrue(ics.contains("SUMMARY:Session\\; with\\, care\r\n"));
        assertTrue(ics.replace("\r\n ", "").contains("DESCRIPTION:Line one\\nLine two\r\n"));
    }

    @Test
    void requestCarriesStableUidSequenceAndUtcTimes() {
        String ics = IcsBuilder.build(IcsBuilder.Method.REQUEST, event("Therapy session", null)).replace("\r\n ", "");
        assertTrue(ics.contains("METHOD:REQUEST\r\n"));
        assertTrue(ics.contains("UID:booking-123@therapy-booking\r\n"));
        assertTrue(ics.contains("SEQUENCE:2\r\n"));
        assertTrue(ics.contains("DTSTAMP:20261120T091502Z\r\n"));
        assertTrue(ics.contains("DTSTART:20261201T100000Z\r\n"));
        assertTrue(ics.contains("DTEND:20261201T110000Z\r\n"));
        assertTrue(ics.contains("STATUS:CONFIRMED\r\n"));
        assertTrue(ics.contains("ORGANIZER;CN=\"Dana Smith, PhD\":mailto:dr.smith@practice.example\r\n"), ics);
        assertTrue(ics.contains("ATTENDEE;CN=Zoë O'Brien;"), "DQUOTE is not allowed in a parameter value");
    }

    @Test
    void cancelIsMethodCancelWithStatusCancelled() {
        String ics = IcsBuilder.build(IcsBuilder.Method.CANCEL, event("Therapy session", null));
        assertTrue(ics.contains("METHOD:CANCEL\r\n"));
        assertTrue(ics.contains("STATUS:CANCELLED\r\n"));
        assertTrue(ics.contains("UID:booking-123@therapy-booking\r\n"));
    }
}
