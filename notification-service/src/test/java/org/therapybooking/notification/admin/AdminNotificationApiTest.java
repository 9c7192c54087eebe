package org.therapybooking.notification.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;
import org.therapybooking.notification.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
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
    void unknownBookingIsAProblem404() {
        given().auth().oauth2(Tokens.admin())
                .get(PATH, 999_999)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"));
    }

    @Test
    void withoutATokenIs401() {
        given().get(PATH, 1).then().statusCode(401);
    }

    @Test
    void nonAdminIs403() {
        given().auth().oauth2(Tokens.user()).get(PATH, 1).then().statusCode(403);
    }

    @Test
    void tokenForAnotherAudienceOrIssuerIs401() {
        given().auth().oauth2(Tokens.sign(Tokens.ISSUER, "some-other-api", Set.of("user", "admin")))
                .get(PATH, 1).then().statusCode(401);
        given().auth().oauth2(Tokens.sign("someone-else", Tokens.AUDIENCE, Set.of("user", "admin")))
                .get(PATH, 1).then().statusCode(401);
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
    void verificationIsPinnedToRs256WithStrictKeyValidation() {
        // explicit in application.properties for every profile (not left to library defaults)
        Config config = ConfigProvider.getConfig();
        assertEquals("RS256", config.getValue("mp.jwt.verify.publickey.algorithm", String.class));
        assertFalse(config.getValue("smallrye.jwt.verify.relax-key-validation", Boolean.class));
    }
}
