package org.therapybooking.commons.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZonesTest {

    @ParameterizedTest
    @ValueSource(strings = { "Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Asia/Jerusalem" })
    void ianaIdsAreAccepted(String id) {
        assertTrue(TimeZones.isValid(id));
        assertEquals(ZoneId.of(id), TimeZones.parse(id));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+02:00", "GMT+2", "Europe/Atlantis", "", " ", "berlin", "Europe/Berlin\u202e", "Z" })
    void offsetsAndUnknownNamesAreRefused(String id) {
        assertFalse(TimeZones.isValid(id));
    }
}
