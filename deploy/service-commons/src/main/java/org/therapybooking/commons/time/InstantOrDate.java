package org.therapybooking.commons.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A bound of a time range given as an instant ({@code 2026-12-01T10:00:00Z}) or a whole date ({@code 2026-12-01},
 * meaning its start in UTC). {@link org.therapybooking.commons.web.TimeParamConverters} reads it from a parameter.
 */
public record InstantOrDate(Instant instant) {

    /** The bound for an ISO-8601 instant or date; {@link DateTimeException} for anything else. */
    public static InstantOrDate parse(String text) {
        try {
            return new InstantOrDate(Instant.parse(text));
        } catch (DateTimeException notAnInstant) {
            return new InstantOrDate(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    /** The instant of a bound that may be absent. */
    public static Instant of(InstantOrDate bound) {
        return bound == null ? null : bound.instant();
    }
}
