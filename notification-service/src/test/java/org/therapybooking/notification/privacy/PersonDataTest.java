package org.therapybooking.notification.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;
import org.therapybooking.notification.support.Tokens;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** The internal read of one person's data, for booking-service's export: what it holds, and who may ask. */
@QuarkusTest
class PersonDataTest extends NotificationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ObjectNode accountEvent(String type, long userId, String email) {
        return TestEvents.account(type, userId, "Zoë", "O'Brien", email, "America/New_York", "2026-12-10T10:00:00Z");
    }

    @Test
    void bookingServiceReadsEverythingHeldAboutOnePersonAndNobodyElseMay() {
        String to = "zoe.4701@example.org";
        clock.set("2026-12-10T10:00:00Z");
        Booking booking = Booking.of(4701, "2026-12-20T10:00:00Z",
                new TestEvents.Person(4701, "Zoë", "O'Brien", to, "Europe/Berlin"),
                TestEvents.host("dr.4701@practice.example.org"));
        ObjectNode created = TestEvents.created(booking);
        Kafka.publish(created);
        ObjectNode updated = accountEvent("account.updated", 4701, to);
        Kafka.publishAccount(updated);
        ObjectNode changed = accountEvent("account.password_changed", 4701, to);
        Kafka.publishAccount(changed);
        Eventually.until("all applied", WAIT, () -> Db.applied(created) && Db.applied(updated) && Db.applied(changed));
        Eventually.until("two emails", WAIT, () -> Mailbox.to(to).size() == 2);

        String service = Tokens.service("booking-service", "notification-service");
        given().auth().oauth2(service).get("/internal/people/4701").then().statusCode(200)
                .body("user_id", equalTo(4701))
                .body("profile.time_zone", equalTo("America/New_York"))
                .body("bookings.booking_id", contains(4701)).body("bookings[0].role", equalTo("client"))
                .body("bookings[0].email", equalTo(to))
                .body("notifications.recipient_email", everyItem(equalTo(to)))
                .body("notifications.kind", hasItem("meeting_info")).body("notifications.kind", hasItem("password_changed"))
                .body("notifications.recipient_role", everyItem(org.hamcrest.Matchers.oneOf("client", "account")))
                .body("notifications.find { it.kind == 'password_changed' }.sent_at", org.hamcrest.Matchers.notNullValue());
        // the therapist of the booking: their own rows only
        given().auth().oauth2(service).get("/internal/people/1").then().statusCode(200)
                .body("profile", nullValue()).body("bookings[0].role", equalTo("host"))
                .body("notifications.recipient_role", everyItem(equalTo("host")));

        given().auth().oauth2(Tokens.admin()).get("/internal/people/4701").then().statusCode(403);
        given().auth().oauth2(Tokens.service("notification-service", "notification-service"))
                .get("/internal/people/4701").then().statusCode(403);
        given().auth().oauth2(Tokens.service("booking-service", "meeting-link-service")).get("/internal/people/4701")
                .then().statusCode(401);
        given().get("/internal/people/4701").then().statusCode(401);
        given().auth().oauth2(service).get("/internal/people/0").then().statusCode(400);
    }
}
