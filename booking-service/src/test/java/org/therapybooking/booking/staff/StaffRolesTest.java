package org.therapybooking.booking.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.EventContract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Several therapists: a practice admin invites one, the therapist chooses a password through the invitation, then
 * manages only their own slots and sees only their own bookings and clients; every cross-role access is refused.
 */
@QuarkusTest
class StaffRolesTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THERAPIST_PASSWORD = "therapist \"pass\" & #1";

    record Therapist(long id, String email, String token) {
    }

    /** A therapist invited by the practice admin, signed in with the password chosen through the invitation. */
    private Therapist newTherapist() throws Exception {
        String email = "dr-" + UUID.randomUUID() + "@practice.example.org";
        long id = api.as(api.adminToken()).body(Map.of("email", email, "first_name", "Noa", "last_name", "לוי-Cohen",
                "time_zone", "Asia/Jerusalem")).post("/api/admin/therapists").then().statusCode(201)
                .body("role", equalTo("therapist")).body("is_admin", equalTo(true)).body("active", equalTo(true))
                .extract().jsonPath().getLong("id");
        JsonNode invited = JSON.readTree((String) Db.query("select payload from outbox_event where aggregate_type = "
                + "'account' and aggregate_id = ? and event_type = 'account.invited'", id).get(0)[0]);
        assertEquals(Set.of(), EventContract.violations(invited));
        String url = invited.path("reset").path("url").asText();
        Instant expires = Instant.parse(invited.path("reset").path("expires_at").asText());
        assertEquals(Duration.ofDays(7).toMinutes(), Duration.between(Instant.now(), expires).toMinutes() + 1, 2.0);
        // before the invitation is used, no password works
        api.loginResponse(email, THERAPIST_PASSWORD).statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("token", url.substring(url.indexOf("#token=") + 7),
                "password", THERAPIST_PASSWORD)).post("/api/auth/password-reset/confirm").then().statusCode(200);
        String token = api.loginResponse(email, THERAPIST_PASSWORD).statusCode(200)
                .body("user.role", equalTo("therapist")).body("user.is_admin", equalTo(true))
                .body("user.groups", containsInAnyOrder("user", "admin", "therapist"))
                .extract().path("access_token");
        return new Therapist(id, email, token);
    }

    private long slotOf(String token, int offsetDays) {
        Instant[] window = Api.freshWindow(Duration.ofDays(offsetDays), 60);
        return api.as(token).body(Map.of("starts_at", window[0].toString(), "ends_at", window[1].toString(),
                "capacity", 2)).post("/api/admin/schedules").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aTherapistManagesOnlyTheirOwnSlotsBookingsAndClients() throws Exception {
        Therapist noa = newTherapist();
        Therapist other = newTherapist();
        long ownSlot = slotOf(noa.token(), 1);
        long othersSlot = slotOf(other.token(), 1);
        long adminsSlot = api.slot(2);

        // slots: their own only
        api.as(noa.token()).body(Map.of("capacity", 3)).put("/api/admin/schedules/" + ownSlot).then().statusCode(200);
        api.as(noa.token()).body(Map.of("capacity", 3)).put("/api/admin/schedules/" + othersSlot).then().statusCode(404);
        api.as(noa.token()).body(Map.of("capacity", 3)).put("/api/admin/schedules/" + adminsSlot).then().statusCode(404);
        Instant[] window = Api.freshWindow(Duration.ofDays(1), 60);
        api.as(noa.token()).body(Map.of("starts_at", window[0].toString(), "ends_at", window[1].toString(),
                "therapist_id", other.id())).post("/api/admin/schedules").then().statusCode(403);
        api.as(noa.token()).get("/api/admin/schedules").then().statusCode(200)
                .body("schedules.therapist_id", everyItem(equalTo((int) noa.id()))).body("schedules.id", hasItem((int) ownSlot));
        // a practice admin sees all, may filter, and may create a slot for a colleague
        api.as(api.adminToken()).queryParam("therapist_id", other.id()).get("/api/admin/schedules").then()
                .statusCode(200).body("schedules.id", contains((int) othersSlot));
        Instant[] forNoa = Api.freshWindow(Duration.ofDays(3), 60);
        api.as(api.adminToken()).body(Map.of("starts_at", forNoa[0].toString(), "ends_at", forNoa[1].toString(),
                "therapist_id", noa.id())).post("/api/admin/schedules").then().statusCode(201)
                .body("therapist_id", equalTo((int) noa.id()));

        // the public list names each slot's therapist and filters by therapist
        String day = window[0].atZone(ZoneOffset.UTC).toLocalDate().toString();
        given().queryParam("date", day).queryParam("therapist_id", noa.id()).get("/api/schedules").then()
                .statusCode(200).body("schedules.therapist_id", everyItem(equalTo((int) noa.id())))
                .body("schedules.therapist_name", everyItem(equalTo("Noa לוי-Cohen")));

        // bookings: the therapist sees and acts on those in their slots, nobody else's
        Api.UserAccount mine = api.newUser("Mine", "Client");
        Api.UserAccount theirs = api.newUser("Their", "Client");
        long myBooking = api.bookingId(mine.token(), ownSlot);
        long theirBooking = api.bookingId(theirs.token(), othersSlot);
        api.as(noa.token()).get("/api/admin/bookings").then().statusCode(200)
                .body("bookings.id", hasItem((int) myBooking)).body("bookings.id", not(hasItem((int) theirBooking)))
                .body("bookings.therapist_id", everyItem(equalTo((int) noa.id())));
        // each booking names its therapist, for the client too
        api.as(mine.token()).get("/api/bookings").then().statusCode(200)
                .body("bookings[0].therapist_id", equalTo((int) noa.id()))
                .body("bookings[0].therapist_name", equalTo("Noa לוי-Cohen"));
        api.as(noa.token()).get("/api/bookings/" + myBooking).then().statusCode(200);
        api.as(noa.token()).get("/api/bookings/" + theirBooking).then().statusCode(404);
        api.as(noa.token()).get("/api/meetings/" + theirBooking + "/link").then().statusCode(404);
        api.as(noa.token()).get("/api/meetings/" + myBooking + "/link").then().statusCode(200)
                .body("is_admin", equalTo(true));
        api.as(noa.token()).body(Map.of()).post("/api/admin/bookings/" + theirBooking + "/cancel").then().statusCode(404);
        api.as(noa.token()).post("/api/admin/bookings/" + theirBooking + "/refund").then().statusCode(404);
        api.as(noa.token()).body(Map.of()).post("/api/bookings/" + theirBooking + "/cancel").then().statusCode(404);
        assertEquals("scheduled", Db.query("select status from booking where id = ?", theirBooking).get(0)[0]);

        // clients: only those who booked with them; the dashboard counts only their sessions
        api.as(noa.token()).queryParam("q", "Client").get("/api/admin/users").then().statusCode(200)
                .body("users.id", contains((int) mine.id()));
        api.as(noa.token()).get("/api/admin/dashboard").then().statusCode(200).body("upcoming_sessions", equalTo(1));

        // what only a practice admin may do
        api.as(noa.token()).get("/api/admin/audit").then().statusCode(403);
        api.as(noa.token()).get("/api/admin/users/" + mine.id() + "/export").then().statusCode(403);
        api.as(noa.token()).delete("/api/admin/users/" + mine.id()).then().statusCode(403);
        api.as(noa.token()).body(Map.of("email", "x-" + UUID.randomUUID() + "@example.org", "first_name", "X",
                "last_name", "Y")).post("/api/admin/therapists").then().statusCode(403);
        api.as(noa.token()).post("/api/admin/therapists/" + other.id() + "/deactivate").then().statusCode(403);
        // a client is no staff at all
        api.as(mine.token()).get("/api/admin/therapists").then().statusCode(403);
        api.as(mine.token()).body(Map.of("capacity", 3)).put("/api/admin/schedules/" + ownSlot).then().statusCode(403);
        // every staff member reads the staff list
        api.as(noa.token()).get("/api/admin/therapists").then().statusCode(200)
                .body("staff.id", hasItem((int) other.id())).body("staff.role", hasItem("practice_admin"));
    }

    @Test
    void aDeactivatedTherapistIsOutTheirSlotsAreNoLongerOfferedAndBookedSessionsComeFirst() throws Exception {
        Therapist noa = newTherapist();
        long slot = slotOf(noa.token(), 4);
        Api.UserAccount client = api.newUser();
        long booking = api.bookingId(client.token(), slot);
        long emptySlot = slotOf(noa.token(), 5);

        api.as(api.adminToken()).post("/api/admin/therapists/" + noa.id() + "/deactivate").then().statusCode(409);
        api.as(api.adminToken()).body(Map.of("reason", "therapist leaves")).post("/api/admin/bookings/" + booking
                + "/cancel").then().statusCode(200);
        api.as(api.adminToken()).post("/api/admin/therapists/" + noa.id() + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));

        api.as(noa.token()).get("/api/auth/me").then().statusCode(401);
        api.loginResponse(noa.email(), THERAPIST_PASSWORD).statusCode(401);
        api.book(client.token(), emptySlot).statusCode(409);
        long adminId = api.as(api.adminToken()).get("/api/auth/me").then().extract().jsonPath().getLong("id");
        api.as(api.adminToken()).post("/api/admin/therapists/" + adminId + "/deactivate").then().statusCode(409);
        api.as(api.adminToken()).post("/api/admin/therapists/" + client.id() + "/deactivate").then().statusCode(404);
        api.as(api.adminToken()).body(Map.of("email", noa.email(), "first_name", "X", "last_name", "Y"))
                .post("/api/admin/therapists").then().statusCode(409);
        api.as(api.adminToken()).body(Map.of("email", "not-an-address", "first_name", "", "last_name", "Y",
                "role", "client")).post("/api/admin/therapists").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("email", "first_name", "role"));
        List<Object> staffIds = api.as(api.adminToken()).get("/api/admin/therapists").then().statusCode(200)
                .extract().jsonPath().getList("staff.findAll { it.active == false }.id");
        assertEquals(true, staffIds.contains((int) noa.id()));

        // back in: the password works again, the old session stays ended, the slots stay off until switched on
        api.as(api.adminToken()).post("/api/admin/therapists/" + noa.id() + "/reactivate").then().statusCode(200)
                .body("active", equalTo(true));
        String again = api.login(noa.email(), THERAPIST_PASSWORD);
        api.as(noa.token()).get("/api/auth/me").then().statusCode(401);
        api.book(client.token(), emptySlot).statusCode(409);
        api.as(again).body(Map.of("is_available", true)).put("/api/admin/schedules/" + emptySlot).then().statusCode(200);
        api.book(client.token(), emptySlot).statusCode(201);
        api.as(again).post("/api/admin/therapists/" + noa.id() + "/reactivate").then().statusCode(403);
    }
}
