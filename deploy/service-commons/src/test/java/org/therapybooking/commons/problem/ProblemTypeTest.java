package org.therapybooking.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void everyTypeHasItsOwnUrn() {
        Set<String> uris = new HashSet<>();
        for (ProblemType type : ProblemType.values()) {
            uris.add(type.uri());
            assertEquals(true, type.uri().matches("urn:therapy-booking:problem:[a-z-]+"), type.uri());
        }
        assertEquals(ProblemType.values().length, uris.size());
    }

    @Test
    void frameworkStatusesMapToTheirKind() {
        assertEquals(ProblemType.NOT_FOUND, ProblemType.forStatus(404));
        assertEquals(ProblemType.METHOD_NOT_ALLOWED, ProblemType.forStatus(405));
        assertEquals(ProblemType.UNSUPPORTED_MEDIA_TYPE, ProblemType.forStatus(415));
        assertEquals(ProblemType.VALIDATION, ProblemType.forStatus(400));
        // a status without a kind of its own keeps its class
        assertEquals(ProblemType.MALFORMED_REQUEST, ProblemType.forStatus(418));
        assertEquals(ProblemType.INTERNAL, ProblemType.forStatus(501));
    }
}
