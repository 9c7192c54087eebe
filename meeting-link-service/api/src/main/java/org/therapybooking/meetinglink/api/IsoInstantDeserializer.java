package org.therapybooking.meetinglink.api;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Reads the usual shape of an instant ({@code 2026-12-01T10:00:00Z}, optional fraction of up to 9 digits, {@code Z}
 * or {@code ±HH:MM}) with plain arithmetic. java.time's {@code DateTimeFormatter} took about an eighth of the link
 * endpoint's CPU time under load (docs/performance.md). Every other string, number or out-of-range value goes to
 * Jackson's own {@link InstantDeserializer}, so what is accepted and how errors are reported are Jackson's.
 */
public final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final long serialVersionUID = 1L;
    private static final int[] DAYS_IN_MONTH = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    private static final int[] NANO_SCALE = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000, 1_000_000_000 };

    public IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant parsed = parseCommonForm(parser.getText());
            if (parsed != null) {
                return parsed;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** The instant, or null when the text is not in the common form or out of range (the slow path decides). */
    static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && position - start < 10 && isDigit(text.charAt(position))) {
                nanos = nanos * 10 + (text.charAt(position++) - '0');
            }
            int fractionDigits = position - start;
            if (fractionDigits == 0 || fractionDigits > 9) {
                return null;
            }
            nanos *= NANO_SCALE[9 - fractionDigits];
        }
        int offsetSeconds;
        if (position == length - 1 && text.charAt(position) == 'Z') {
            offsetSeconds = 0;
        } else if (position == length - 6 && text.charAt(position + 3) == ':'
                && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
            int offsetHours = digits(text, position + 1, 2);
            int offsetMinutes = digits(text, position + 4, 2);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59
                    || offsetHours == 18 && offsetMinutes > 0) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(position) == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds, nanos);
    }

    private static int daysInMonth(int year, int month) {
        return month == 2 && Year.isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** The unsigned decimal number in text[start, start + count), or -1 if any character is not an ASCII digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
