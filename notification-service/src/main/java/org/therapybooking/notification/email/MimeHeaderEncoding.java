package org.therapybooking.notification.email;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words for header values. The Vert.x mail client under the Quarkus mailer encodes non-ASCII
 * headers one UTF-16 unit at a time, which turns characters outside the Basic Multilingual Plane (emoji in a
 * client's name, in the therapist's subject line) into "??". An already-encoded ASCII value is left alone by it.
 */
final class MimeHeaderEncoding {

    /** "=?UTF-8?B?" + base64 + "?=" stays within 75 characters with at most 45 bytes per word. */
    private static final int MAX_BYTES_PER_WORD = 45;

    private MimeHeaderEncoding() {
    }

    private static final Pattern LINE_BREAKS_AND_CONTROLS = Pattern.compile("[\\p{Cntrl}]+");

    /** Control characters (CR/LF would inject headers) become one space; the result is ASCII or encoded words. */
    static String encode(String raw) {
        String value = LINE_BREAKS_AND_CONTROLS.matcher(raw).replaceAll(" ");
        if (value.chars().allMatch(c -> c >= 0x20 && c < 0x7F) && !value.contains("=?")) {
            return value;
        }
        List<String> words = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int chunkBytes = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int bytes = character.getBytes(StandardCharsets.UTF_8).length;
            if (chunkBytes + bytes > MAX_BYTES_PER_WORD) {
                words.add(word(chunk.toString()));
                chunk.setLength(0);
                chunkBytes = 0;
            }
            chunk.append(character);
            chunkBytes += bytes;
            i += Character.charCount(codePoint);
        }
        if (chunk.length() > 0) {
            words.add(word(chunk.toString()));
        }
        // whitespace between adjacent encoded words is not part of the decoded text (RFC 2047, section 6.2)
        return String.join(" ", words);
    }

    private static String word(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
