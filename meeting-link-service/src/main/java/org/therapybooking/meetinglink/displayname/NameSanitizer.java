package org.therapybooking.meetinglink.displayname;

/**
 * Cleans a name before it is shown: control characters become spaces, bidi override/embedding/isolate controls (used to
 * spoof text direction) are dropped, unpaired surrogates become U+FFFD, whitespace runs collapse, the ends are
 * trimmed, and the result is cut to a maximum number of code points without splitting a user-perceived character
 * (combining marks, ZWJ emoji sequences, skin tones, flags). Letters of every script, emoji, ZWJ/ZWNJ and the
 * LRM/RLM marks are kept.
 */
public final class NameSanitizer {

    private NameSanitizer() {
    }

    public static String clean(String raw, int maxCodePoints) {
        if (raw == null) {
            return "";
        }
        // most names need no change: skip the copy (a visible cost per link under load)
        return truncate(isAlreadyClean(raw) ? raw : rewrite(raw), maxCodePoints);
    }

    /** True when {@link #rewrite} would return the text unchanged: no character to drop, replace or collapse. */
    static boolean isAlreadyClean(String raw) {
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == n - 1 || raw.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if (c < 0x80 ? c < 0x20 || c == 0x7F
                    : Character.isSurrogate(c) || isDropped(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                            || Character.getType(c) == Character.CONTROL) {
                return false;
            }
        }
        return true;
    }

    static String rewrite(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean pendingSpace = false;
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            int cp;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(raw.charAt(i + 1))) {
                cp = Character.toCodePoint(c, raw.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
            } else {
                cp = c;
            }
            if (isDropped(cp)) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.CONTROL) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static boolean isDropped(int cp) {
        // LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI (isolates spoof direction as well);
        // BOM / zero width no-break space; object replacement
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0xFFFC;
    }

    static String truncate(String s, int maxCodePoints) {
        if (s.codePointCount(0, s.length()) <= maxCodePoints) {
            return s;
        }
        int end = s.offsetByCodePoints(0, maxCodePoints);
        // back off while the cut would separate a character from what extends it
        while (end > 0 && end < s.length() && splitsCluster(s, end)) {
            end = s.offsetByCodePoints(end, -1);
        }
        return s.substring(0, end).strip();
    }

    private static boolean splitsCluster(String s, int index) {
        int next = s.codePointAt(index);
        int prev = s.codePointBefore(index);
        if (prev == 0x200D || next == 0x200D) {
            return true; // zero width joiner glues emoji sequences
        }
        int type = Character.getType(next);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
            return true;
        }
        if ((next >= 0xFE00 && next <= 0xFE0F) || (next >= 0x1F3FB && next <= 0x1F3FF)
                || (next >= 0xE0020 && next <= 0xE007F)) {
            return true; // variation selectors, skin tones, tag sequences (subdivision flags)
        }
        if (isRegionalIndicator(prev) && isRegionalIndicator(next)) {
            // flags are pairs: count the indicators before the cut
            int count = 0;
            int i = index;
            while (i > 0 && isRegionalIndicator(s.codePointBefore(i))) {
                count++;
                i = s.offsetByCodePoints(i, -1);
            }
            return count % 2 == 1;
        }
        return false;
    }

    private static boolean isRegionalIndicator(int cp) {
        return cp >= 0x1F1E6 && cp <= 0x1F1FF;
    }
}
