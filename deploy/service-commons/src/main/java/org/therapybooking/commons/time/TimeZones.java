package org.therapybooking.commons.time;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;

/**
 * What counts as a time zone here: an id of the IANA time zone database ({@code Europe/Berlin},
 * {@code America/New_York}, {@code UTC}). Bare offsets such as {@code +02:00} are refused: they do not follow
 * daylight saving time, so a reminder would be an hour off half of the year.
 */
public final class TimeZones {

    /** Read once: {@code getAvailableZoneIds()} copies the whole set (600 ids) on every call. */
    private static final Set<String> IANA_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    private TimeZones() {
    }

    public static boolean isValid(String id) {
        if (id == null || id.isBlank() || id.length() > 64) {
            return false;
        }
        try {
            parse(id);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The zone for an IANA id; {@link DateTimeException} for anything else. */
    public static ZoneId parse(String id) {
        ZoneId zone = ZoneId.of(id.trim());
        if (!IANA_IDS.contains(zone.getId())) {
            throw new DateTimeException("not an IANA time zone id: " + id);
        }
        return zone;
    }
}
