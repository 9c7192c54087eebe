package org.therapybooking.meetinglink.jitsi;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * An independent re-implementation, for tests, of how jitsi-meet reads a meeting URL
 * (react/features/base/util/uri.ts parseStandardURIString + parseURLParams.ts). It deliberately shares no code
 * with the production encoder.
 */
public final class JitsiHashParser {

    private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();
    private static final List<String> BLACKLIST = List.of("__proto__", "constructor", "prototype");

    /** What Jitsi sees in a URL. Parameters whose value fails to parse are absent, as in Jitsi. */
    public record ParsedUrl(String origin, String pathname, String search, Map<String, JsonNode> hash,
            List<String> rejectedKeys) {
        public String room() {
            return pathname.substring(pathname.lastIndexOf('/') + 1);
        }
    }

    private JitsiHashParser() {
    }

    public static ParsedUrl parse(String url) {
        // parseStandardURIString strips all whitespace first: a correct URL must not contain any
        String str = url.replaceAll("\\s", "");
        int schemeEnd = str.indexOf("://");
        int pathStart = str.indexOf('/', schemeEnd + 3);
        int queryStart = str.indexOf('?');
        int hashStart = str.indexOf('#');
        int pathEnd = firstNonNegative(queryStart, hashStart, str.length());
        String origin = str.substring(0, pathStart < 0 ? pathEnd : pathStart);
        String pathname = pathStart < 0 ? "/" : str.substring(pathStart, pathEnd);
        String search = "";
        if (queryStart >= 0 && (hashStart < 0 || queryStart < hashStart)) {
            search = str.substring(queryStart, hashStart < 0 ? str.length() : hashStart);
        }
        String hash = hashStart < 0 ? "" : str.substring(hashStart);
        Map<String, JsonNode> params = new LinkedHashMap<>();
        List<String> rejected = new java.util.ArrayList<>();
        if (hash.length() > 1) {
            for (String part : hash.substring(1).split("&", -1)) {
                // JS: part.split('=') then param[1]: the piece between the first and the second '='
                String[] param = part.split("=", -1);
                String key = param[0];
                if (key.isEmpty() || java.util.Arrays.stream(key.split("\\.", -1)).anyMatch(BLACKLIST::contains)) {
                    continue;
                }
                String value = param.length > 1 ? param[1] : null;
                try {
                    if (value == null) {
                        throw new IllegalArgumentException("no value");
                    }
                    String decoded = decodeURIComponent(value)
                            .replaceFirst("\\\\&", "&")
                            .replaceAll("[\u2018\u2019]", "'")
                            .replaceAll("[\u201C\u201D]", "\"");
                    params.put(key, decoded.equals("undefined") ? null : STRICT_JSON.readTree(decoded));
                } catch (Exception e) {
                    rejected.add(key);
                }
            }
        }
        return new ParsedUrl(origin, pathname, search, params, rejected);
    }

    /** ECMAScript decodeURIComponent: %XX sequences as UTF-8, '+' stays '+', malformed input throws. */
    public static String decodeURIComponent(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (i < s.length() && s.charAt(i) == '%') {
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    throw new IllegalArgumentException("URIError: malformed escape");
                }
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 3;
            }
            try {
                out.append(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("URIError: malformed UTF-8", e);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static int firstNonNegative(int a, int b, int fallback) {
        int m = fallback;
        if (a >= 0) {
            m = Math.min(m, a);
        }
        if (b >= 0) {
            m = Math.min(m, b);
        }
        return m;
    }
}
