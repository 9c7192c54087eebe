package org.therapybooking.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.payment.WebhookSignature;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.commons.problem.ProblemType;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Every class of error booking-service answers, in the one problem+json format of docs/api.md "Errors": the
 * {@code type} URN, the kind's title, the status, the request path as {@code instance} and, for validation
 * problems, the snake_case paths of the bad fields.
 */
@QuarkusTest
class ProblemFormatTest extends IntegrationTest {

    private static ValidatableResponse assertProblem(ValidatableResponse response, ProblemType type, String path,
            String... fields) {
        response.statusCode(type.status()).contentType("application/problem+json")
                .body("type", equalTo("urn:therapy-booking:problem:" + type.name().toLowerCase(Locale.ROOT).replace('_', '-')))
                .body("title", equalTo(type.title())).body("status", equalTo(type.status()))
                .body("detail", notNullValue()).body("instance", equalTo(path));
        if (fields.length == 0) {
            response.body("errors", nullValue());
        } else {
            response.body("errors.field", contains(fields));
        }
        return response;
    }

    @Test
    void invalidBodyFieldsAreValidationProblemsWithSnakeCasePaths() {
        assertProblem(api.as(api.newUser().token()).body(Map.of("notes", "n")).post("/api/bookings").then(),
                ProblemType.VALIDATION, "/api/bookings", "schedule_id");
        assertProblem(given().contentType(ContentType.JSON).body(Map.of("first_name", "Jo", "last_name", "Doe",
                "email", "jo-" + UUID.randomUUID() + "@example.org", "password", "long enough 1",
                "time_zone", "Mars/Base")).post("/api/auth/register").then(),
                ProblemType.VALIDATION, "/api/auth/register", "time_zone");
        assertProblem(api.as(api.newUser().token()).body(Map.of("schedule_id", 1, "payment_status", "succeeded"))
                .post("/api/bookings").then(), ProblemType.VALIDATION, "/api/bookings", "payment_status");
        assertProblem(api.as(api.newUser().token()).body("{\"schedule_id\":\"one\"}").post("/api/bookings").then(),
                ProblemType.VALIDATION, "/api/bookings", "schedule_id");
    }

    @Test
    void invalidQueryParametersAreValidationProblemsNamingTheParameter() {
        assertProblem(api.as(api.adminToken()).queryParam("limit", 0).get("/api/admin/bookings").then(),
                ProblemType.VALIDATION, "/api/admin/bookings", "limit");
        assertProblem(api.as(api.adminToken()).queryParam("from", "yesterday").get("/api/admin/bookings").then(),
                ProblemType.VALIDATION, "/api/admin/bookings", "from");
        assertProblem(given().queryParam("date", "2026-12-01").queryParam("time_zone", "+02:00").get("/api/schedules")
                .then(), ProblemType.VALIDATION, "/api/schedules", "time_zone");
        assertProblem(given().get("/api/schedules").then(), ProblemType.VALIDATION, "/api/schedules", "date");
        assertProblem(api.as(api.adminToken()).queryParam("status", "done").queryParam("user_id", "abc")
                .get("/api/admin/bookings").then(), ProblemType.VALIDATION, "/api/admin/bookings", "status", "user_id");
    }

    @Test
    void unreadableBodiesAndSignatureHeadersAreMalformedRequests() {
        assertProblem(api.as(api.newUser().token()).body("{not json").post("/api/bookings").then(),
                ProblemType.MALFORMED_REQUEST, "/api/bookings");
        assertProblem(given().contentType(ContentType.JSON).header("Stripe-Signature", "garbage").body("{}")
                .post("/api/payments/webhook").then(), ProblemType.MALFORMED_REQUEST, "/api/payments/webhook");
    }

    @Test
    void missingTokenWrongLoginAndBadSignatureAreUnauthorized() {
        assertProblem(given().get("/api/bookings").then(), ProblemType.UNAUTHORIZED, "/api/bookings")
                .header("WWW-Authenticate", "Bearer");
        assertProblem(given().contentType(ContentType.JSON)
                .body(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "whatever1"))
                .post("/api/auth/login").then(), ProblemType.UNAUTHORIZED, "/api/auth/login");
        String body = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}";
        assertProblem(given().contentType(ContentType.JSON)
                .header("Stripe-Signature", WebhookSignature.header(Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8), "not-the-secret"))
                .body(body).post("/api/payments/webhook").then(), ProblemType.UNAUTHORIZED, "/api/payments/webhook");
    }

    @Test
    void aClientOnAnAdminEndpointIsForbidden() {
        assertProblem(api.as(api.newUser().token()).get("/api/admin/bookings").then(), ProblemType.FORBIDDEN,
                "/api/admin/bookings");
    }

    @Test
    void unknownResourcesAndPathsAreNotFound() {
        assertProblem(api.as(api.newUser().token()).get("/api/bookings/987654321").then(), ProblemType.NOT_FOUND,
                "/api/bookings/987654321");
        assertProblem(given().get("/api/no-such-thing").then(), ProblemType.NOT_FOUND, "/api/no-such-thing");
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        assertProblem(api.as(api.newUser().token()).delete("/api/bookings").then(), ProblemType.METHOD_NOT_ALLOWED,
                "/api/bookings");
    }

    @Test
    void aChangeInTheWrongStateIsAConflict() {
        Api.UserAccount user = api.newUser();
        long id = api.bookingId(user.token(), api.slot(1));
        api.as(user.token()).post("/api/bookings/" + id + "/cancel").then().statusCode(200);
        assertProblem(api.as(user.token()).post("/api/bookings/" + id + "/cancel").then(), ProblemType.CONFLICT,
                "/api/bookings/" + id + "/cancel");
    }

    @Test
    void bodyTooLargeAndWrongContentTypeHaveTheirOwnKinds() {
        String big = "{\"schedule_id\":1,\"notes\":\"" + "x".repeat(70_000) + "\"}";
        assertProblem(api.as(api.newUser().token()).body(big).post("/api/bookings").then(),
                ProblemType.PAYLOAD_TOO_LARGE, "/api/bookings");
        assertProblem(api.as(api.newUser().token()).contentType(ContentType.TEXT).body("schedule_id=1")
                .post("/api/bookings").then(), ProblemType.UNSUPPORTED_MEDIA_TYPE, "/api/bookings");
    }

    @Test
    void aPaymentForTheWrongAmountIsUnprocessable() {
        long booking = api.bookingId(api.newUser().token(), api.slot(1));
        String body = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment_intent.succeeded\",\"data\":"
                + "{\"object\":{\"amount\":1,\"currency\":\"eur\",\"metadata\":{\"booking_id\":\"" + booking + "\"}}}}";
        assertProblem(given().contentType(ContentType.JSON)
                .header("Stripe-Signature", WebhookSignature.header(Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8), "whsec_test_only_secret"))
                .body(body).post("/api/payments/webhook").then(), ProblemType.UNPROCESSABLE, "/api/payments/webhook");
    }

    @Test
    void tooManyFailedLoginsAreTooManyRequests() {
        Api.UserAccount user = api.newUser();
        for (int i = 0; i < 5; i++) {
            api.loginResponse(user.email(), "wrong password").statusCode(401);
        }
        assertProblem(api.loginResponse(user.email(), "wrong password"), ProblemType.TOO_MANY_REQUESTS,
                "/api/auth/login").header("Retry-After", notNullValue());
    }

    @Test
    void aDependencyThatIsDownMakesTheLinkUnavailable() {
        Api.UserAccount user = api.newUser();
        long id = api.bookingId(user.token(), api.slot(1));
        MeetingLinkStub.stopServer();
        try {
            assertProblem(api.as(user.token()).get("/api/meetings/" + id + "/link").then(), ProblemType.UNAVAILABLE,
                    "/api/meetings/" + id + "/link").header("Retry-After", notNullValue());
        } finally {
            MeetingLinkStub.startServer();
        }
    }
}
