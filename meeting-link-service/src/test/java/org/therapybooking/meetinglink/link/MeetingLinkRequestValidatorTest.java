package org.therapybooking.meetinglink.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.FieldError;
import org.therapybooking.commons.problem.ProblemType;
import org.therapybooking.meetinglink.api.BatchRequest;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;

/** Every field rule with its snake_case path and message (the API's error contract), in Bean Validation's wording. */
class MeetingLinkRequestValidatorTest {

    private final MeetingLinkRequestValidator validator = new MeetingLinkRequestValidator();

    private static MeetingLinkRequest valid() {
        return new MeetingLinkRequest("booking-1", new MeetingLinkRequest.Participant("45", "Zoë", "O'Brien",
                "zoe@example.org", null), "client", new MeetingLinkRequest.Session(Instant.parse("2026-12-01T10:00:00Z"), 60));
    }

    private List<FieldError> errors(MeetingLinkRequest request) {
        ApiException e = assertThrows(ApiException.class, () -> validator.check(request));
        assertEquals(ProblemType.VALIDATION, e.type());
        return e.errors();
    }

    @Test
    void validRequestsPass() {
        validator.check(valid());
        validator.check(new MeetingLinkRequest(" x ", new MeetingLinkRequest.Participant(null, null, null, "", null),
                "presenter", null));
        validator.check(new BatchRequest(List.of(valid(), valid())));
    }

    @Test
    void everyRuleWithItsMessageSorted() {
        List<FieldError> errors = errors(new MeetingLinkRequest(" ".repeat(513),
                new MeetingLinkRequest.Participant("i".repeat(129), "f".repeat(257), "l".repeat(257), "x".repeat(321),
                        "d".repeat(513)),
                "Client", new MeetingLinkRequest.Session(null, 1441)));
        assertEquals(List.of(
                new FieldError("participant.display_name", "size must be between 0 and 512"),
                new FieldError("participant.email", "must be a well-formed email address"),
                new FieldError("participant.email", "size must be between 0 and 320"),
                new FieldError("participant.first_name", "size must be between 0 and 256"),
                new FieldError("participant.id", "size must be between 0 and 128"),
                new FieldError("participant.last_name", "size must be between 0 and 256"),
                new FieldError("role", "must be one of client, host, observer, presenter"),
                new FieldError("room", "must not be blank"),
                new FieldError("room", "size must be between 0 and 512"),
                new FieldError("session.duration", "must be less than or equal to 1440"),
                new FieldError("session.starts_at", "must not be null")), errors);
    }

    @Test
    void missingFields() {
        assertEquals(List.of(new FieldError("participant", "must not be null"), new FieldError("role", "must not be null"),
                new FieldError("room", "must not be blank")), errors(new MeetingLinkRequest(null, null, null, null)));
        assertEquals(List.of(new FieldError("session.duration", "must be greater than or equal to 1")),
                errors(new MeetingLinkRequest("r", valid().participant(), "host",
                        new MeetingLinkRequest.Session(Instant.EPOCH, 0))));
        assertEquals(List.of(new FieldError("session.duration", "must not be null")),
                errors(new MeetingLinkRequest("r", valid().participant(), "host",
                        new MeetingLinkRequest.Session(Instant.EPOCH, null))));
        assertEquals(List.of(new FieldError("body", "must not be null")), errors(null));
    }

    @Test
    void batchPathsNameTheItem() {
        MeetingLinkRequest bad = new MeetingLinkRequest("r", valid().participant(), "admin", null);
        List<FieldError> errors = assertThrows(ApiException.class,
                () -> validator.check(new BatchRequest(Arrays.asList(valid(), null, bad)))).errors();
        assertEquals(List.of(new FieldError("requests[1]", "must not be null"),
                new FieldError("requests[2].role", "must be one of client, host, observer, presenter")), errors);
        for (BatchRequest empty : new BatchRequest[] {new BatchRequest(List.of()), new BatchRequest(null)}) {
            assertEquals(List.of(new FieldError("requests", "must not be empty")),
                    assertThrows(ApiException.class, () -> validator.check(empty)).errors());
        }
        assertEquals(List.of(new FieldError("body", "must not be null")),
                assertThrows(ApiException.class, () -> validator.check((BatchRequest) null)).errors());
    }
}
