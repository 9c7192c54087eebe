package org.therapybooking.booking.practice;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** What the therapist (an admin) sees of clients and the practice, and what a client never sees. */
@QuarkusTest
class TherapistViewsTest extends IntegrationTest {

    @Test
    void adminBookingRowsSayWhomTheSessionIsWith() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api.UserAccount ada = api.newUser("Ada", "Lovelace", "ada-" + tag + "@example.org");
        Api.UserAccount alan = api.newUser("Alan", "Turing", "alan-" + tag + "@example.org");
        long adaBooking = api.bookingId(ada.token(), api.slot(2));
        long alanBooking = api.bookingId(alan.token(), api.slot(2));

        for (Api.UserAccount client : List.of(ada, alan)) {
            JsonPath page = api.as(api.adminToken()).queryParam("user_id", client.id()).get("/api/admin/bookings")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(1, page.getInt("total"));
            Map<String, Object> expected = Map.of("id", (int) client.id(),
                    "first_name", client == ada ? "Ada" : "Alan", "last_name", client == ada ? "Lovelace" : "Turing",
                    "email", client.email(), "time_zone", "Europe/Berlin");
            assertEquals(expected, page.getMap("bookings[0].client"));
            assertEquals(client == ada ? "Ada Lovelace" : "Alan Turing", page.getString("bookings[0].client_name"));
        }

        api.as(api.adminToken()).get("/api/bookings/" + alanBooking).then().statusCode(200)
                .body("client_name", equalTo("Alan Turing")).body("client.email", equalTo(alan.email()))
                .body("client.time_zone", equalTo("Europe/Berlin"));
        api.as(api.adminToken()).body(Map.of("reason", "therapist ill"))
                .post("/api/admin/bookings/" + adaBooking + "/cancel").then().statusCode(200)
                .body("client_name", equalTo("Ada Lovelace")).body("client.id", equalTo((int) ada.id()));
    }

    @Test
    void aClientNeverSeesClientDetails() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Api.UserAccount ada = api.newUser("Ada", "Lovelace", "ada-" + tag + "@example.org");
        Api.UserAccount eve = api.newUser("Eve", "Spy", "eve-" + tag + "@example.org");
        long adaBooking = api.bookingId(ada.token(), api.slot(2));

        api.as(ada.token()).get("/api/bookings/" + adaBooking).then().statusCode(200)
                .body("$", not(hasKey("client"))).body("$", not(hasKey("client_name")));
        api.as(ada.token()).get("/api/bookings").then().statusCode(200)
                .body("bookings[0]", not(hasKey("client"))).body("bookings[0]", not(hasKey("client_name")));
        String foreign = api.as(eve.token()).get("/api/bookings/" + adaBooking).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:therapy-booking:problem:not-found"))
                .extract().asString();
        assertFalse(foreign.contains(ada.email()) || foreign.contains("Lovelace"), foreign);
    }
}
