package org.therapybooking.meetinglink.link;

import java.net.IDN;

/**
 * The e-mail syntax rule of {@link MeetingLinkRequestValidator}, written as a scanner (no regex on the hot path).
 * It follows Bean Validation's {@code @Email} (Hibernate Validator); EmailAddressTest compares the two:
 * <ul>
 * <li>the empty string (as {@code @Email} does; an absent address is not an error);</li>
 * <li>split at the last {@code @}; the local part has at most 64 chars and is dot-separated words, each either a
 * run of {@code A-Za-z0-9!#$%&'*+/=?^_`{|}~-} and non-ASCII BMP characters, or a quoted string;</li>
 * <li>the domain does not end with a dot, is at most 255 chars after IDNA conversion (labels at most 63), and is
 * dot-separated labels of the same characters as the local part words (hyphens only inside a label), or an
 * address literal {@code [1.2.3.4]} or {@code [IPv6:...]}.</li>
 * </ul>
 */
final class EmailAddress {

    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_DOMAIN = 255;
    private static final int MAX_LABEL = 63;
    private static final String ATOM_SPECIALS = "!#$%&'*+/=?^_`{|}~-";
    /** Allowed inside a quoted local-part word besides atom characters. */
    private static final String QUOTED_SPECIALS = ".(),<>[]:; @\\\"";

    private EmailAddress() {
    }

    static boolean isWellFormed(String value) {
        if (value.isEmpty()) {
            return true;
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        return isLocalPart(value, 0, at) && isDomain(value.substring(at + 1));
    }

    // ---- local part ----

    private static boolean isLocalPart(String s, int from, int to) {
        if (to - from > MAX_LOCAL_PART || to == from) {
            return false;
        }
        if (s.indexOf('"', from) < 0 || s.indexOf('"', from) >= to) {
            // dot-separated atoms, none empty
            int wordStart = from;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c == '.') {
                    if (i == wordStart) {
                        return false;
                    }
                    wordStart = i + 1;
                } else if (!isAtomChar(s, i, to)) {
                    return false;
                }
            }
            return wordStart < to;
        }
        return quotedLocalPart(s, from, to);
    }

    /**
     * With quotes the split into words is ambiguous ("." and '"' may appear inside quotes), so: which positions can
     * start a word, left to right; a word is an atom run or '"' + one or more quoted characters + '"'.
     */
    private static boolean quotedLocalPart(String s, int from, int to) {
        int n = to - from;
        boolean[] start = new boolean[n + 1];
        start[0] = true;
        for (int w = 0; w < n; w++) {
            if (!start[w]) {
                continue;
            }
            int i = from + w;
            // atom word: any non-empty run of atom characters
            for (int e = i; e < to && isAtomChar(s, e, to); e++) {
                if (wordEnd(s, e + 1, to, start, from)) {
                    return true;
                }
            }
            if (s.charAt(i) == '"') {
                for (int e = i + 1; e < to && isQuotedChar(s, e, to); e++) {
                    // the quoted characters are i+1..e-1 (at least one), the closing quote is at e
                    if (e > i + 1 && s.charAt(e) == '"' && wordEnd(s, e + 1, to, start, from)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A word ends at {@code end}: either the local part is complete, or a dot follows and a new word may start. */
    private static boolean wordEnd(String s, int end, int to, boolean[] start, int from) {
        if (end == to) {
            return true;
        }
        if (s.charAt(end) == '.' && end + 1 < to) {
            start[end + 1 - from] = true;
        }
        return false;
    }

    private static boolean isAtomChar(String s, int i, int to) {
        char c = s.charAt(i);
        if (c < 128) {
            return isAsciiLetterOrDigit(c) || ATOM_SPECIALS.indexOf(c) >= 0;
        }
        return !isSupplementary(s, i, to);
    }

    private static boolean isQuotedChar(String s, int i, int to) {
        char c = s.charAt(i);
        return isAtomChar(s, i, to) || QUOTED_SPECIALS.indexOf(c) >= 0;
    }

    /** A surrogate pair is one code point above U+FFFF, which the rule does not allow (a lone surrogate it does). */
    private static boolean isSupplementary(String s, int i, int to) {
        char c = s.charAt(i);
        return (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1)))
                || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    // ---- domain ----

    private static boolean isDomain(String d) {
        if (d.endsWith(".") || !fitsIdna(d)) {
            return false;
        }
        if (!d.isEmpty() && d.charAt(0) == '[' && d.charAt(d.length() - 1) == ']' && d.length() > 2) {
            String inner = d.substring(1, d.length() - 1);
            if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
                return isIpv6(inner.substring(5));
            }
            return isIpv4(inner);
        }
        return isHostName(d);
    }

    /** IDNA (ToASCII) succeeds and the result is at most 255 chars; for pure ASCII that is a label-length check. */
    private static boolean fitsIdna(String d) {
        boolean fits = d.length() <= MAX_DOMAIN;
        int label = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c >= 128) {
                try {
                    return IDN.toASCII(d).length() <= MAX_DOMAIN;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            if (c == '.') {
                label = 0;
            } else if (++label > MAX_LABEL) {
                fits = false;
            }
        }
        return fits;
    }

    private static boolean isHostName(String d) {
        int n = d.length();
        int labelStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || d.charAt(i) == '.') {
                if (i == labelStart || d.charAt(labelStart) == '-' || d.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
                continue;
            }
            char c = d.charAt(i);
            if (c != '-' && !isAtomChar(d, i, n)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4(String s) {
        int parts = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                if (digits < 1 || digits > 3) {
                    return false;
                }
                parts++;
                digits = 0;
            } else if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                digits++;
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    /** Hex groups of 1-4 digits, at most one "::", an optional dotted IPv4 tail (octets 0-255), a fe80 zone id. */
    private static boolean isIpv6(String s) {
        int zone = s.indexOf('%');
        if (zone >= 0) {
            String id = s.substring(zone + 1);
            if (!s.regionMatches(true, 0, "fe80:", 0, 5) || id.isEmpty() || !id.chars().allMatch(c -> c < 128
                    && isAsciiLetterOrDigit((char) c))) {
                return false;
            }
            s = s.substring(0, zone);
        }
        int groups = 0;
        boolean compressed = false;
        int i = 0;
        int n = s.length();
        if (s.startsWith("::")) {
            compressed = true;
            i = 2;
            if (i == n) {
                return true;
            }
        } else if (s.startsWith(":")) {
            return false;
        }
        while (i < n) {
            int end = i;
            while (end < n && s.charAt(end) != ':') {
                end++;
            }
            String group = s.substring(i, end);
            if (end == n && group.indexOf('.') >= 0) {
                if (!isIpv4Octets(group)) {
                    return false;
                }
                groups += 2;
                break;
            }
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
            groups++;
            if (end == n) {
                break;
            }
            if (end + 1 < n && s.charAt(end + 1) == ':') {
                if (compressed) {
                    return false;
                }
                compressed = true;
                i = end + 2;
                if (i == n) {
                    break;
                }
            } else if (end + 1 == n) {
                return false;
            } else {
                i = end + 1;
            }
        }
        return compressed ? groups <= 7 : groups == 8;
    }

    private static boolean isIpv4Octets(String s) {
        if (!isIpv4(s)) {
            return false;
        }
        for (String octet : s.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
