package org.therapybooking.meetinglink.jitsi;

/**
 * Encodes values for a Jitsi URL hash the way Jitsi reads them back.
 * <p>
 * jitsi-meet ({@code react/features/base/util/parseURLParams.ts}) splits the hash on {@code &}, each part on
 * {@code =} (taking the piece after the first {@code =}), runs {@code decodeURIComponent}, then replaces the first
 * {@code \&} with {@code &}, the curly quotes U+2018/U+2019 with {@code '} and U+201C/U+201D with {@code "}, and
 * finally JSON-parses the result. Its own writer ({@code uri.ts}) is
 * {@code encodeURIComponent(JSON.stringify(value))}. We write the same, except that {@code &} and the four curly
 * quotes are written as JSON {@code \\uXXXX} escapes: still valid JSON for the same value, but the post-decode
 * replacements then find nothing to rewrite, so a name like {@code “Zee”} or {@code A\&B} survives unchanged.
 */
public final class JitsiUrlEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c : "-_.!~*'()".toCharArray()) {
            UNRESERVED[c] = true;
        }
    }

    private JitsiUrlEncoding() {
    }

    /** One hash parameter: {@code key=encodeURIComponent(JSON(value))}. Keys are our constants, never input. */
    public static void appendParam(StringBuilder hash, String key, String value) {
        if (hash.length() > 0) {
            hash.append('&');
        }
        hash.append(key).append('=');
        appendEncodeURIComponent(hash, jsonString(value));
    }

    public static void appendParam(StringBuilder hash, String key, boolean value) {
        if (hash.length() > 0) {
            hash.append('&');
        }
        hash.append(key).append('=').append(value);
    }

    /**
     * JSON.stringify of a string, plus {@code \\u} escapes for {@code &} and U+2018/2019/201C/201D (see class
     * comment). Unpaired surrogates are escaped as JSON.stringify does since ES2019.
     */
    public static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        out.append('"');
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '&', '\u2018', '\u2019', '\u201C', '\u201D' -> unicodeEscape(out, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                            out.append(c).append(value.charAt(++i));
                        } else {
                            unicodeEscape(out, c);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** ECMAScript encodeURIComponent: UTF-8, everything but {@code A-Za-z0-9-_.!~*'()} as %XX (upper case). */
    public static String encodeURIComponent(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        appendEncodeURIComponent(out, value);
        return out.toString();
    }

    public static void appendEncodeURIComponent(StringBuilder out, String value) {
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 128) {
                if (UNRESERVED[c]) {
                    out.append(c);
                } else {
                    percent(out, c);
                }
                continue;
            }
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                cp = Character.toCodePoint(c, value.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                // encodeURIComponent throws on a lone surrogate; jsonString never produces one
                throw new IllegalArgumentException("unpaired surrogate at index " + i);
            } else {
                cp = c;
            }
            if (cp < 0x800) {
                percent(out, 0xC0 | (cp >> 6));
                percent(out, 0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                percent(out, 0xE0 | (cp >> 12));
                percent(out, 0x80 | ((cp >> 6) & 0x3F));
                percent(out, 0x80 | (cp & 0x3F));
            } else {
                percent(out, 0xF0 | (cp >> 18));
                percent(out, 0x80 | ((cp >> 12) & 0x3F));
                percent(out, 0x80 | ((cp >> 6) & 0x3F));
                percent(out, 0x80 | (cp & 0x3F));
            }
        }
    }


    private static void percent(StringBuilder out, int b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
}
