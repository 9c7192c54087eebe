package org.therapybooking.booking.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.outbox.KafkaEvents;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.EventContract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Erasure against the real database and broker: what goes, what stays for accounting, who may do it. */
@QuarkusTest
class ErasureTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A booking of the user whose session took place long ago (its slot moved into the past). */
    private long pastBooking(String token) {
        long slot = api.slot(1);
        long booking = api.bookingId(token, slot);
        Db.update("update schedule set starts_at = now() - interval '1000 days' - id * interval '2 hours', "
                + "ends_at = now() - interval '1000 days' - id * interval '2 hours' + interval '1 hour' where id = ?", slot);
        return booking;
    }

    @Test
    void aClientErasesThemselvesWhatIdentifiesThemGoesTheAccountingStays() throws Exception {
        String marker = String.format("%07d", System.nanoTime() % 10_000_000L);
        String email = "erase-me-" + marker + "@example.org";
        String firstName = "Zoë-" + marker;
        String phone = "+49 30 " + marker;
        Api.UserAccount client = api.newUser(firstName + " \"Zo\" &", "O'Brien-שלום", email);
        api.as(client.token()).body(Map.of("phone", phone, "location", "Berlin")).patch("/api/auth/me")
                .then().statusCode(200);
        long past = pastBooking(client.token());
        long future = api.as(client.token()).body(Map.of("schedule_id", api.slot(1), "notes", "call me on my mobile"))
                .post("/api/bookings").then().statusCode(201).extract().jsonPath().getLong("id");
        KafkaEvents.awaitSent(Set.of(String.valueOf(past), String.valueOf(future)));
        assertEquals(2, Db.count("select count(*) from outbox_event where payload like ?", "%" + email + "%"));

        // the password confirms it is the person; a wrong one changes nothing
        api.as(client.token()).body(Map.of()).delete("/api/auth/me").then().statusCode(400)
                .body("errors[0].field", equalTo("password"));
        api.as(client.token()).body(Map.of("password", "not-the-password")).delete("/api/auth/me").then()
                .statusCode(401).contentType("application/problem+json");
        api.as(client.token()).get("/api/auth/me").then().statusCode(200).body("email", equalTo(email));

        api.as(client.token()).body(Map.of("password", Api.PASSWORD)).delete("/api/auth/me").then().statusCode(200)
                .body("user_id", equalTo((int) client.id()))
                .body("cancelled_booking_ids", equalTo(List.of((int) future)));

        // signed out everywhere, and no way back in
        api.as(client.token()).get("/api/auth/me").then().statusCode(401);
        api.loginResponse(email, Api.PASSWORD).statusCode(401);

        // the account is an anonymous shell; nothing in the database names the person any more
        Object[] shell = Db.query("select email, first_name, last_name, phone, location, erased_at from app_user "
                + "where id = ?", client.id()).get(0);
        assertEquals("erased-" + client.id() + "@erased.invalid", shell[0]);
        assertEquals("Erased", shell[1]);
        assertEquals("client", shell[2]);
        assertNull(shell[3]);
        assertNull(shell[4]);
        assertNotNull(shell[5]);
        for (String table : List.of("app_user", "booking", "outbox_event", "password_reset", "audit_event")) {
            assertEquals(0, Db.count("select count(*) from " + table + " t where t::text like ? or t::text like ? "
                    + "or t::text like ?", "%" + email + "%", "%" + firstName + "%", "%" + phone + "%"), table);
        }
        // what accounting needs stays: both bookings with their amounts and payment state, without the notes
        assertEquals(2, Db.count("select count(*) from booking where user_id = ? and amount = 100.00 and notes is null",
                client.id()));
        assertEquals("cancelled", Db.query("select status from booking where id = ?", future).get(0)[0]);
        assertEquals("scheduled", Db.query("select status from booking where id = ?", past).get(0)[0],
                "a past session is history, not cancelled");

        // the therapist hears of the cancelled session, and notification-service of the erasure: no personal data
        KafkaEvents.awaitSent(Set.of(String.valueOf(future)));
        KafkaEvents.awaitAccountEventsSent(client.id());
        JsonNode cancelled = JSON.readTree((String) Db.query("select payload from outbox_event where aggregate_type = "
                + "'booking' and aggregate_id = ? and event_type = 'booking.cancelled'", future).get(0)[0]);
        assertEquals(Set.of(), EventContract.violations(cancelled));
        assertEquals("Erased", cancelled.path("recipient").path("first_name").asText());
        List<KafkaEvents.Event> accountEvents = KafkaEvents.readToEnd("account.events", Set.of(String.valueOf(client.id())));
        JsonNode erased = JSON.readTree(accountEvents.get(accountEvents.size() - 1).value());
        assertEquals("account.erased", erased.path("event_type").asText());
        assertEquals(Set.of(), EventContract.violations(erased));
        assertFalse(erased.toString().contains(email));

        // staff searching for the old address find nothing (the search itself is in the trail, as every search is)
        api.as(api.adminToken()).queryParam("q", email).get("/api/admin/users").then().statusCode(200)
                .body("total", equalTo(0));

        // the staff trail keeps that it happened, by whom, about which id
        api.as(api.adminToken()).queryParam("subject_user_id", client.id()).get("/api/admin/audit").then()
                .statusCode(200).body("entries.find { it.action == 'account.erase' }.actor_user_id", equalTo((int) client.id()));
    }

    @Test
    void staffEraseAClientOnlyStaffAndNeverAStaffAccount() {
        Api.UserAccount client = api.newUser();
        Api.UserAccount other = api.newUser();
        api.as(other.token()).delete("/api/admin/users/" + client.id()).then().statusCode(403);
        api.as(api.adminToken()).delete("/api/admin/users/" + client.id()).then().statusCode(200)
                .body("cancelled_booking_ids", equalTo(List.of()));
        api.as(api.adminToken()).delete("/api/admin/users/" + client.id()).then().statusCode(404);
        api.as(api.adminToken()).queryParam("q", "Erased").get("/api/admin/users").then().statusCode(200)
                .body("total", equalTo(0));
        api.as(api.adminToken()).delete("/api/admin/users/999999999").then().statusCode(404);
        long adminId = api.as(api.adminToken()).get("/api/auth/me").then().extract().jsonPath().getLong("id");
        api.as(api.adminToken()).delete("/api/admin/users/" + adminId).then().statusCode(409);
        api.as(api.adminToken()).get("/api/auth/me").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("password", Api.PASSWORD)).delete("/api/auth/me").then()
                .statusCode(401);
        api.as(other.token()).get("/api/auth/me").then().statusCode(200);
    }
}
