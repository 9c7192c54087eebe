package org.therapybooking.notification.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UnsupportedEncodingException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.mail.internet.MimeUtility;

class MimeHeaderEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Your therapy session on Tue 1 Dec 2026, 05:00 UTC-05:00",
            "Your therapy session with Zoë \"Zo\" & #1 😀 O'Brien-שלום on Sun 29 Nov 2026, 11:00 UTC+01:00",
            "👩‍👩‍👧‍👦🇺🇦 محمد عبد الله 日本 太郎 — a long subject that needs several encoded words to stay within 75 chars",
            "=?UTF-8?B?looks encoded?= but is a name"
    })
    void decodesBackToExactlyTheSubject(String subject) throws UnsupportedEncodingException {
        String encoded = MimeHeaderEncoding.encode(subject);
        assertEquals(subject, MimeUtility.decodeText(encoded));
        for (String word : encoded.split(" ")) {
            assertTrue(word.length() <= 75 || !encoded.startsWith("=?"), "encoded word too long: " + word);
        }
        assertTrue(encoded.chars().allMatch(c -> c < 0x7F), "header is plain ASCII");
    }

    @org.junit.jupiter.api.Test
    void lineBreaksCannotInjectHeaders() throws UnsupportedEncodingException {
        String encoded = MimeHeaderEncoding.encode("Session with Eve\r\nBcc: all@example.org\tand Zoë");
        assertEquals("Session with Eve Bcc: all@example.org and Zoë", MimeUtility.decodeText(encoded));
        assertTrue(encoded.indexOf('\r') < 0 && encoded.indexOf('\n') < 0, encoded);
    }
}
