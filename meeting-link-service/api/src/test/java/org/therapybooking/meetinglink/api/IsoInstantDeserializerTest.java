package org.therapybooking.meetinglink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The fast path agrees with Jackson's own InstantDeserializer (the oracle) wherever it answers at all. */
class IsoInstantDeserializerTest {

    private static final ObjectMapper ORACLE = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final ObjectMapper FAST = JsonMapper.builder().addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addDeserializer(Instant.class, new IsoInstantDeserializer())).build();

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-12-01T10:00:00Z", "2026-12-01T10:00:00.5Z", "2026-12-01T10:00:00.123456789Z",
            "2026-12-01T10:00:00.000000001Z", "2024-02-29T23:59:59Z", "2000-02-29T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59Z", "2026-12-01T10:00:00+01:00",
            "2026-12-01T10:00:00-05:30", "2026-12-01T10:00:00.25+14:00", "2026-12-01T00:30:00-00:00",
            "2026-12-01T10:00:00+18:00", "2026-12-01T10:00:00-18:00" })
    void commonFormsAreReadByTheFastPathExactlyLikeJackson(String text) throws Exception {
        Instant fast = IsoInstantDeserializer.parseCommonForm(text);
        assertNotNull(fast, text);
        assertEquals(oracle(text), fast, text);
        assertEquals(oracle(text), FAST.readValue(json(text), Instant.class), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-12-01T10:00Z", "2026-12-01T10:00:00", "2026-12-01 10:00:00Z", "2026-12-01t10:00:00z",
            "2026-12-01T10:00:00.Z", "2026-12-01T10:00:00.1234567891Z", "2026-12-01T10:00:00+0100",
            "2026-12-01T10:00:00+01", "2026-12-01T10:00:00+19:00", "2026-12-01T10:00:00+18:01",
            "2026-13-01T10:00:00Z", "2026-00-01T10:00:00Z", "2026-02-29T10:00:00Z", "2026-04-31T10:00:00Z",
            "2026-12-00T10:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01T23:60:00Z", "2026-12-01T23:59:60Z",
            "+12026-12-01T10:00:00Z", "2026-12-01T10:00:00ZZ", "2O26-12-01T10:00:00Z", "2026-12-01T10:00:00Z ",
            "٢٠٢٦-12-01T10:00:00Z", "yesterday", "" })
    void everythingElseIsLeftToJackson(String text) throws Exception {
        assertNull(IsoInstantDeserializer.parseCommonForm(text), text);
        // and the mapper then gives exactly Jackson's answer, value or error
        Object expected = outcome(ORACLE, text);
        Object actual = outcome(FAST, text);
        assertEquals(expected, actual, text);
    }

    @Test
    void numbersStillMeanEpochSeconds() throws Exception {
        assertEquals(ORACLE.readValue("1795000000", Instant.class), FAST.readValue("1795000000", Instant.class));
        assertEquals(ORACLE.readValue("1795000000.5", Instant.class), FAST.readValue("1795000000.5", Instant.class));
    }

    @Test
    void badValuesStillFailTheWayJacksonFails() {
        assertThrows(InvalidFormatException.class, () -> FAST.readValue(json("2026-02-30T10:00:00Z"), Instant.class));
    }

    /** 20,000 random instants in random offsets and precisions: same value as Jackson. */
    @Test
    void randomInstantsAgreeWithJackson() throws Exception {
        Random random = new Random(20261126);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            String text = instant.toString();
            if (random.nextBoolean()) {
                int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
                text = instant.atOffset(java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).toString();
            }
            Instant fast = IsoInstantDeserializer.parseCommonForm(text);
            Object expected = outcome(ORACLE, text);
            if (fast != null) {
                assertEquals(expected, fast, text);
            }
            assertEquals(expected, outcome(FAST, text), text);
        }
    }

    private static Instant oracle(String text) throws Exception {
        return ORACLE.readValue(json(text), Instant.class);
    }

    /** The value read, or the class and message of the failure. */
    private static Object outcome(ObjectMapper mapper, String text) {
        try {
            return mapper.readValue(json(text), Instant.class);
        } catch (Exception e) {
            return e.getClass().getName() + ": " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    private static String json(String text) {
        return '"' + text + '"';
    }
}
