package org.therapybooking.notification.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.therapybooking.commons.problem.ProblemType;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;
import org.therapybooking.notification.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;

@QuarkusTest
class AdminNotificationApiTest extends NotificationIT {

    private static final String PATH = "/api/admin/bookings/{id}/notifications";

    @Test
    void adminSeesEachNotificationWithItsState() {
        String to = "adm.701@example.org";
        // booked 2 h ahead: the 24 h reminder is skipped, the 1 h one pending
        Kafka.publish(TestEvents.created(Booking.of(701, "2026-11-01T10:00:00Z",
                TestEvents.client("Ada", "Min", to, "Europe/Berlin"), TestEvents.host("dr.smith.701@practice.example.org"))));
        Eventually.until("meeting-info", Duration.ofSeconds(30), () -> Mailbox.to(to).size() == 1
                && Mailbox.to("dr.smith.701@practice.example.org").size() == 1);

        given().auth().oauth2(Tokens.admin())
                .get(PATH, 701)
                .then().statusCode(200)
                .body("booking_id", equalTo(701))
                .body("notifications", hasSize(4))
                .body("notifications.kind", hasItems("meeting_info", "reminder"))
                .body("notifications.status", hasItems("sent", "skipped", "pending"))
                .body("notifications.find { it.reminder_offset == 'PT24H' }.status", equalTo("skipped"))
                .body("notifications.find { it.reminder_offset == 'PT24H' }.last_error", equalTo("due time had already passed when the booking arrived"))
                .body("notifications.find { it.reminder_offset == 'PT1H' }.due_at", equalTo("2026-11-01T09:00:00Z"))
                .body("notifications.find { it.kind == 'meeting_info' && it.recipient_email == 'adm.701@example.org' }.sent_at",
                        notNullValue())
                .body("notifications.find { it.kind == 'meeting_info' && it.recipient_email == 'adm.701@example.org' }.attempts",
                        equalTo(1))
                .body("notifications.recipient_email", hasItems(to, "dr.smith.701@practice.example.org"))
                .body("notifications.join_url", everyItem(equalTo(null)));

        given().auth().oauth2(Tokens.admin())
                .get("/api/admin/notifications/stats")
                .then().statusCode(200)
                .body("by_status.sent", equalTo(2))
                .body("by_status.skipped", equalTo(1))
                .body("by_status.pending", equalTo(1))
                .body("sent_total", notNullValue());
    }

    @Test
    void aTherapistSeesTheEmailsOfTheBookingsTheyHostOnly() {
        String to = "adm.702@example.org";
        Kafka.publish(TestEvents.created(Booking.of(702, "2026-11-01T10:00:00Z",
                TestEvents.client("Ada", "Min", to, "Europe/Berlin"), TestEvents.host("dr.smith.702@practice.example.org"))));
        Eventually.until("planned", Duration.ofSeconds(30), () -> Mailbox.to(to).size() == 1);
        // TestEvents.host is user 1
        given().auth().oauth2(Tokens.therapist(1)).get(PATH, 702).then().statusCode(200).body("booking_id", equalTo(702));
        problem(given().auth().oauth2(Tokens.therapist(2)).get(PATH, 702).then(), ProblemType.NOT_FOUND,
                "/api/admin/bookings/702/notifications");
    }

    /** Every error of the admin API is the one problem+json format of docs/api.md, pinned here per kind. */
    private static ValidatableResponse problem(ValidatableResponse response, ProblemType type, String instance) {
        return response.statusCode(type.status())
                .contentType("application/problem+json")
                .body("type", equalTo(type.uri()))
                .body("type", startsWith("urn:therapy-booking:problem:"))
                .body("title", equalTo(type.title()))
                .body("status", equalTo(type.status()))
                .body("detail", notNullValue())
                .body("instance", equalTo(instance));
    }

    @Test
    void unknownBookingIsANotFoundProblem() {
        problem(given().auth().oauth2(Tokens.admin()).get(PATH, 999_999).then(), ProblemType.NOT_FOUND,
                "/api/admin/bookings/999999/notifications")
                .body("type", equalTo("urn:therapy-booking:problem:not-found"))
                .body("detail", equalTo("Booking 999999 not found"))
                .body("errors", anyOf(nullValue(), empty()));
    }

    @Test
    void unknownPathIsANotFoundProblem() {
        problem(given().auth().oauth2(Tokens.admin()).get("/api/admin/nothing-here").then(), ProblemType.NOT_FOUND,
                "/api/admin/nothing-here");
    }

    @Test
    void bookingIdBelowOneIsAValidationProblemNamingTheParameter() {
        problem(given().auth().oauth2(Tokens.admin()).get(PATH, 0).then(), ProblemType.VALIDATION,
                "/api/admin/bookings/0/notifications")
                .body("type", equalTo("urn:therapy-booking:problem:validation"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("booking_id"))
                .body("errors[0].message", notNullValue());
    }

    @Test
    void nonNumericBookingIdIsNotFound() {
        // a path parameter that is not a number names no booking (JAX-RS answers 404 for it)
        given().auth().oauth2(Tokens.admin()).get("/api/admin/bookings/abc/notifications")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(ProblemType.NOT_FOUND.uri()));
    }

    @Test
    void withoutATokenIsAnUnauthorizedProblem() {
        problem(given().get(PATH, 1).then(), ProblemType.UNAUTHORIZED, "/api/admin/bookings/1/notifications")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void nonAdminIsAForbiddenProblem() {
        problem(given().auth().oauth2(Tokens.user()).get(PATH, 1).then(), ProblemType.FORBIDDEN,
                "/api/admin/bookings/1/notifications");
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        problem(given().auth().oauth2(Tokens.admin()).contentType("application/json").body("{}")
                .post("/api/admin/notifications/stats").then(), ProblemType.METHOD_NOT_ALLOWED,
                "/api/admin/notifications/stats");
    }

    @Test
    void unavailableRepresentationIsANotAcceptableProblem() {
        problem(given().auth().oauth2(Tokens.admin()).accept("application/xml").get("/api/admin/notifications/stats").then(),
                ProblemType.NOT_ACCEPTABLE, "/api/admin/notifications/stats");
    }

    @Test
    void tokenForAnotherAudienceOrIssuerIs401() {
        problem(given().auth().oauth2(Tokens.sign(Tokens.ISSUER, "some-other-api", Set.of("user", "admin")))
                .get(PATH, 1).then(), ProblemType.UNAUTHORIZED, "/api/admin/bookings/1/notifications");
        problem(given().auth().oauth2(Tokens.sign("someone-else", Tokens.AUDIENCE, Set.of("user", "admin")))
                .get(PATH, 1).then(), ProblemType.UNAUTHORIZED, "/api/admin/bookings/1/notifications");
    }

    @Test
    void anExpiredAdminTokenIs401() {
        long anHourAgo = System.currentTimeMillis() / 1000 - 3600;
        problem(given().auth().oauth2(Tokens.adminIssuedAt(anHourAgo)).get(PATH, 1).then(), ProblemType.UNAUTHORIZED,
                "/api/admin/bookings/1/notifications");
    }

    @Test
    void serviceTokensAreRefused() {
        // what booking-service's token endpoint issues: for meeting-link-service, not for this API
        problem(given().auth().oauth2(Tokens.service("notification-service", "meeting-link-service")).get(PATH, 1)
                .then(), ProblemType.UNAUTHORIZED, "/api/admin/bookings/1/notifications");
        // and were one ever issued for this API's audience, the service group is no admin
        problem(given().auth().oauth2(Tokens.service("notification-service", Tokens.AUDIENCE)).get(PATH, 1).then(),
                ProblemType.FORBIDDEN, "/api/admin/bookings/1/notifications");
    }

    @Test
    void openApiNamesPropertiesTheWayTheApiDoes() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.NotificationView.properties.keySet()",
                        hasItems("recipient_role", "recipient_email", "reminder_offset", "next_attempt_at"));
    }

    @Test
    void tokenSignedWithAnotherAlgorithmThanRs256Is401() {
        given().auth().oauth2(Tokens.admin()).get("/api/admin/notifications/stats").then().statusCode(200);
        for (SignatureAlgorithm other : List.of(SignatureAlgorithm.RS384, SignatureAlgorithm.PS256)) {
            given().auth().oauth2(Tokens.adminSignedWith(other))
                    .get("/api/admin/notifications/stats")
                    .then().statusCode(401);
        }
    }

    @Test
    void tokenIssuedInTheFutureIs401() {
        long now = System.currentTimeMillis() / 1000;
        // right key, right issuer and audience, not expired; only iat is a day ahead
        problem(given().auth().oauth2(Tokens.adminIssuedAt(now + 86_400)).get(PATH, 1).then(),
                ProblemType.UNAUTHORIZED, "/api/admin/bookings/1/notifications");
        // beyond the 60 s clock skew
        given().auth().oauth2(Tokens.adminIssuedAt(now + 300)).get("/api/admin/notifications/stats")
                .then().statusCode(401);
        // within the skew: a verifier whose clock is a little behind the issuer's still accepts
        given().auth().oauth2(Tokens.adminIssuedAt(now + 30)).get("/api/admin/notifications/stats")
                .then().statusCode(200);
    }

    @Test
    void verificationIsPinnedToRs256WithStrictKeyValidation() {
        // explicit in application.properties for every profile (not left to library defaults)
        Config config = ConfigProvider.getConfig();
        assertEquals("RS256", config.getValue("mp.jwt.verify.publickey.algorithm", String.class));
        assertFalse(config.getValue("smallrye.jwt.verify.relax-key-validation", Boolean.class));
    }
}
