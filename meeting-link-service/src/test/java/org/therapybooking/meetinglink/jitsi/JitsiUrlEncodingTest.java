package org.therapybooking.meetinglink.jitsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JitsiUrlEncodingTest {

    @Test
    void keepsExactlyTheEcmaScriptUnreservedSet() {
        String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()";
        for (char c = 0; c < 128; c++) {
            String encoded = JitsiUrlEncoding.encodeURIComponent(String.valueOf(c));
            if (unreserved.indexOf(c) >= 0) {
                assertEquals(String.valueOf(c), encoded, "unreserved " + (int) c);
            } else {
                assertEquals(String.format("%%%02X", (int) c), encoded, "reserved " + (int) c);
            }
        }
    }

    @Test
    void spaceIsPercent20AndPlusIsEncoded() {
        assertEquals("a%20b%2Bc", JitsiUrlEncoding.encodeURIComponent("a b+c"));
    }

    @Test
    void encodesUtf8Bytes() {
        assertEquals("Zo%C3%AB", JitsiUrlEncoding.encodeURIComponent("Zoë"));
        assertEquals("%E2%82%AC", JitsiUrlEncoding.encodeURIComponent("€"));
        assertEquals("%F0%9F%98%80", JitsiUrlEncoding.encodeURIComponent("😀"));
        assertEquals("%D8%B2%DB%8C", JitsiUrlEncoding.encodeURIComponent("زی"));
    }

    @Test
    void loneSurrogateIsRejectedLikeEncodeURIComponent() {
        assertThrows(IllegalArgumentException.class, () -> JitsiUrlEncoding.encodeURIComponent("a\uD800b"));
    }

    @Test
    void jsonStringMatchesJsonStringifyPlusJitsiSafeEscapes() {
        assertEquals("\"Zoë O'Brien\"", JitsiUrlEncoding.jsonString("Zoë O'Brien"));
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001\"", JitsiUrlEncoding.jsonString("a\"b\\c\n\t\u0001"));
        assertEquals("\"A\\u0026B \\u201CZ\\u201D \\u2018y\\u2019\"",
                JitsiUrlEncoding.jsonString("A&B \u201CZ\u201D \u2018y\u2019"));
        assertEquals("\"\\uD800\"", JitsiUrlEncoding.jsonString("\uD800"));
    }

    @Test
    void contractExample() {
        StringBuilder hash = new StringBuilder();
        JitsiUrlEncoding.appendParam(hash, HashKeys.DISPLAY_NAME, "Zoë O'Brien");
        JitsiUrlEncoding.appendParam(hash, HashKeys.PREJOIN_ENABLED, true);
        assertEquals("userInfo.displayName=%22Zo%C3%AB%20O'Brien%22&config.prejoinConfig.enabled=true", hash.toString());
    }
}
