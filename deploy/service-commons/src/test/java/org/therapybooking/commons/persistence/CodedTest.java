package org.therapybooking.commons.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class CodedTest {

    enum Kind implements Coded {
        MEETING_INFO, REMINDER
    }

    static class Column extends Coded.Converter<Kind> {
    }

    @Test
    void theCodeIsTheConstantsNameInLowerCase() {
        assertEquals("meeting_info", Kind.MEETING_INFO.code());
        assertEquals(Kind.REMINDER, Coded.fromCode(Kind.class, "reminder"));
        assertThrows(IllegalArgumentException.class, () -> Coded.fromCode(Kind.class, "REMINDER"));
    }

    @Test
    void theConverterStoresTheCode() {
        Column column = new Column();
        assertEquals("meeting_info", column.convertToDatabaseColumn(Kind.MEETING_INFO));
        assertEquals(Kind.MEETING_INFO, column.convertToEntityAttribute("meeting_info"));
        assertNull(column.convertToDatabaseColumn(null));
        assertNull(column.convertToEntityAttribute(null));
        assertThrows(IllegalArgumentException.class, () -> column.convertToEntityAttribute("unknown"));
    }

    @Test
    void jsonCarriesTheCode() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"meeting_info\"", json.writeValueAsString(Kind.MEETING_INFO));
        assertEquals(Kind.REMINDER, json.readValue("\"reminder\"", Kind.class));
    }
}
