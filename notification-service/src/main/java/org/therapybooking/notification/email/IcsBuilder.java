package org.therapybooking.notification.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal RFC 5545 calendar object for one session: CRLF line ends, content lines folded at 75 octets
 * (never inside a UTF-8 sequence), TEXT values escaped, times in UTC.
 */
public final class IcsBuilder {

    static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    public enum Method {
        REQUEST, CANCEL
    }

    public record Event(String uid, int sequence, Instant stamp, Instant start, Instant end, String summary,
            String description, String location, String url, Person organizer, Person attendee) {
    }

    public record Person(String name, String email) {
    }

    private IcsBuilder() {
    }

    public static String uidFor(long bookingId) {
        return "booking-" + bookingId + "@therapy-booking";
    }

    public static String build(Method method, Event e) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//Therapy Booking//notification-service//EN");
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:" + method.name());
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + e.uid());
        line(out, "SEQUENCE:" + e.sequence());
        line(out, "DTSTAMP:" + UTC_STAMP.format(e.stamp()));
        line(out, "DTSTART:" + UTC_STAMP.format(e.start()));
        line(out, "DTEND:" + UTC_STAMP.format(e.end()));
        line(out, "SUMMARY:" + escapeText(e.summary()));
        if (e.description() != null) {
            line(out, "DESCRIPTION:" + escapeText(e.description()));
        }
        if (e.location() != null) {
            line(out, "LOCATION:" + escapeText(e.location()));
        }
        if (e.url() != null) {
            line(out, "URL:" + e.url());
        }
        line(out, "ORGANIZER;CN=" + paramValue(e.organizer().name()) + ":mailto:" + e.organizer().email());
        line(out, "ATTENDEE;CN=" + paramValue(e.attendee().name())
                + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:" + e.attendee().email());
        line(out, "STATUS:" + (method == Method.CANCEL ? "CANCELLED" : "CONFIRMED"));
        line(out, "TRANSP:OPAQUE");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
    static String escapeText(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        sb.append("\\n");
                    }
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Parameter values cannot contain DQUOTE or control characters; quoted when they hold , ; or :. */
    static String paramValue(String value) {
        String clean = value.replace("\"", "'").replaceAll("[\\p{Cntrl}]", " ");
        return clean.matches(".*[,;:].*") ? "\"" + clean + "\"" : clean;
    }

    /** Appends a content line folded at 75 octets: CRLF plus one space starts each continuation. */
    static void line(StringBuilder out, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int limit = MAX_OCTETS;
        while (bytes.length - start > limit) {
            int end = start + limit;
            while ((bytes[end] & 0xC0) == 0x80) {
                end--; // do not split a multi-byte character
            }
            out.append(new String(bytes, start, end - start, StandardCharsets.UTF_8)).append("\r\n ");
            start = end;
            limit = MAX_OCTETS - 1; // the leading space counts
        }
        out.append(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8)).append("\r\n");
    }
}
