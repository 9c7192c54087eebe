package org.therapybooking.commons.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.therapybooking.commons.problem.UnstorableTextException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class StrictJsonTest {

    record Note(String text) {
    }

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void textWithNulOrAnUnpairedSurrogateIsRefusedWithItsField() {
        UnstorableTextException nul = assertThrows(UnstorableTextException.class,
                () -> mapper.readValue("{\"text\":\"a\\u0000b\"}", Note.class));
        assertEquals("text", nul.getPath().get(0).getFieldName());
        assertEquals("must not contain NUL characters", nul.getOriginalMessage());
        assertThrows(UnstorableTextException.class, () -> mapper.readValue("{\"text\":\"\\ud800\"}", Note.class));
        assertThrows(UnstorableTextException.class, () -> mapper.readValue("{\"text\":\"x\\udfff\"}", Note.class));
    }

    @Test
    void anyOtherUnicodeIsText() throws Exception {
        for (String text : new String[] {"\uD83D\uDC69\u200D\uD83D\uDC67", "\u202Egnp.exe", "e\u0301", "\uFEFF\uFFFF", ""}) {
            assertEquals(text, mapper.readValue(mapper.writeValueAsString(Map.of("text", text)), Note.class).text());
            assertNull(StrictJson.problem(text));
        }
    }

    @Test
    void aMemberTwiceOrTrailingTokensAreMalformed() {
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"text\":\"a\",\"text\":\"b\"}", Note.class));
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"text\":\"a\"}garbage", Note.class));
        assertThrows(JsonProcessingException.class, () -> mapper.readValue("{\"text\":\"a\"}{}", Note.class));
    }
}
