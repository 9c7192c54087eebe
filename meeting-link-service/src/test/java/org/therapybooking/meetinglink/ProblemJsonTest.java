package org.therapybooking.meetinglink;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.therapybooking.meetinglink.support.ServiceTokens.asService;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.therapybooking.commons.problem.ProblemType;
import org.therapybooking.meetinglink.api.MeetingLinkApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Every error class of the service in the one problem+json format of all three services: {@code type}, {@code title},
 * {@code status}, {@code instance} and, for field problems, {@code errors} with snake_case JSON paths.
 */
@QuarkusTest
class ProblemJsonTest {

    private static final String LINKS = MeetingLinkApi.PATH;
    private static final String BATCH = MeetingLinkApi.PATH + "/batch";
    private static final String ROOM = "booking-123-1795000000-k3x9q2m7";

    private static Map<String, Object> request(String room, String role, Map<String, Object> participant) {
        return Map.of("room", room, "role", role, "participant", participant);
    }

    private static ValidatableResponse problem(ValidatableResponse response, ProblemType type, String instance) {
        return response.statusCode(type.status()).contentType("application/problem+json")
                .body("type", equalTo(type.uri()))
                .body("title", equalTo(type.title()))
                .body("status", equalTo(type.status()))
                .body("instance", equalTo(instance));
    }

    @Test
    void invalidFieldsAreAValidationProblemWithSnakeCasePaths() {
        problem(asService().contentType(ContentType.JSON)
                .body(Map.of("room", "", "role", "admin",
                        "participant", Map.of("first_name", "x".repeat(300), "email", "not-an-email"),
                        "session", Map.of("starts_at", "2026-12-01T10:00:00Z", "duration", 0)))
                .post(LINKS).then(), ProblemType.VALIDATION, LINKS)
                .body("type", equalTo("urn:therapy-booking:problem:validation"))
                .body("detail", equalTo("The request has invalid fields."))
                .body("errors.field", contains("participant.email", "participant.first_name", "role", "room",
                        "session.duration"))
                .body("errors.message", hasItem("size must be between 0 and 256"));
    }

    @Test
    void batchItemErrorsNameTheItemByIndex() {
        List<Map<String, Object>> requests = List.of(
                request(ROOM, "client", Map.of("first_name", "A")),
                request(ROOM, "client", Map.of("first_name", "B")),
                request("https://evil.example/" + ROOM, "client", Map.of("first_name", "C")));
        problem(asService().contentType(ContentType.JSON).body(Map.of("requests", requests)).post(BATCH).then(),
                ProblemType.VALIDATION, BATCH)
                .body("errors.field", contains("requests[2].room"))
                .body("errors[0].message", equalTo("is not on the configured Jitsi deployment https://meet.jit.si"));
    }

    @Test
    void aBatchOverTheContractLimitIsAValidationProblem() {
        List<Map<String, Object>> requests = Collections.nCopies(MeetingLinkApi.MAX_BATCH + 1,
                request(ROOM, "client", Map.of()));
        problem(asService().contentType(ContentType.JSON).body(Map.of("requests", requests)).post(BATCH).then(),
                ProblemType.VALIDATION, BATCH)
                .body("errors.field", contains("requests"))
                .body("errors[0].message", equalTo("must contain at most " + MeetingLinkApi.MAX_BATCH + " items"));
    }

    @Test
    void aValueOfTheWrongTypeIsAValidationProblemNamingItsPath() {
        problem(asService().contentType(ContentType.JSON)
                .body("{\"room\":\"" + ROOM + "\",\"role\":\"client\",\"participant\":{},"
                        + "\"session\":{\"starts_at\":\"yesterday\",\"duration\":60}}")
                .post(LINKS).then(), ProblemType.VALIDATION, LINKS)
                .body("errors.field", contains("session.starts_at"));
        problem(asService().contentType(ContentType.JSON)
                .body("{\"requests\":[{\"room\":\"" + ROOM + "\",\"role\":\"client\",\"participant\":{\"first_name\":[]}}]}")
                .post(BATCH).then(), ProblemType.VALIDATION, BATCH)
                .body("errors.field", contains("requests[0].participant.first_name"));
    }

    @Test
    void aBodyThatIsNotJsonIsAMalformedRequest() {
        problem(asService().contentType(ContentType.JSON).body("{\"room\": ").post(LINKS).then(),
                ProblemType.MALFORMED_REQUEST, LINKS)
                .body("type", equalTo("urn:therapy-booking:problem:malformed-request"))
                .body("$", not(hasKey("errors")));
    }

    @Test
    void anUnknownPathIsNotFound() {
        problem(asService().get(LINKS + "/nope").then(), ProblemType.NOT_FOUND, LINKS + "/nope");
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        problem(asService().get(LINKS).then(), ProblemType.METHOD_NOT_ALLOWED, LINKS);
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIsUnsupported() {
        problem(asService().contentType(ContentType.TEXT).body("room=x").post(LINKS).then(),
                ProblemType.UNSUPPORTED_MEDIA_TYPE, LINKS);
    }

    @Test
    void aBodyOverTheLimitIsPayloadTooLarge() {
        String huge = "{\"room\":\"" + ROOM + "\",\"role\":\"client\",\"participant\":{\"first_name\":\""
                + "x".repeat(300 * 1024) + "\"}}";
        problem(asService().contentType(ContentType.JSON).body(huge).post(LINKS).then(),
                ProblemType.PAYLOAD_TOO_LARGE, LINKS)
                .body("type", equalTo("urn:therapy-booking:problem:payload-too-large"));
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorThatTellsNothing() {
        problem(given().get("/test/failing").then(), ProblemType.INTERNAL, "/test/failing")
                .body("type", equalTo("urn:therapy-booking:problem:internal"))
                .body("detail", equalTo("An unexpected error occurred."));
    }
}
