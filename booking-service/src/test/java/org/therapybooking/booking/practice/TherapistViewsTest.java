package org.therapybooking.booking.practice;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
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
        Db.update("update app_user set phone = ? where id = ?", "+49 30 1234567", ada.id());
        long adaBooking = api.bookingId(ada.token(), api.slot(2));
        long alanBooking = api.bookingId(alan.token(), api.slot(2));

        for (Api.UserAccount client : List.of(ada, alan)) {
            JsonPath page = api.as(api.adminToken()).queryParam("user_id", client.id()).get("/api/admin/bookings")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(1, page.getInt("total"));
            Map<String, Object> expected = new HashMap<>(Map.of("id", (int) client.id(),
                    "first_name", client == ada ? "Ada" : "Alan", "last_name", client == ada ? "Lovelace" : "Turing",
                    "email", client.email(), "time_zone", "Europe/Berlin"));
            expected.put("phone", client == ada ? "+49 30 1234567" : null);
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

    // --- a seeded practice, far from every other test's bookings: "now" is Wednesday 2036-06-11 12:00 in Berlin

    private static final Instant SEEDING = Instant.parse("2036-05-20T00:00:00Z");
    private static final Instant NOW = Instant.parse("2036-06-11T10:00:00Z");
    private static final String TAG = "qx" + UUID.randomUUID().toString().substring(0, 6);
    private static Map<String, Api.UserAccount> seeded;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /**
     * Three clients and eleven bookings (slot start UTC; Berlin is UTC+2): past, today, this week, later, cancelled,
     * paid, refunded, in EUR (100.00) and USD (80.00). Created once, through the API at an earlier "now".
     */
    private synchronized Map<String, Api.UserAccount> seed() {
        if (seeded != null) {
            return seeded;
        }
        // accounts and tokens in real time: tokens issued at a moved clock would not verify
        Api.UserAccount ada = api.newUser("Ottilie", "Quixwell", "ada." + TAG + "@example.org");
        Api.UserAccount alan = api.newUser("Barnaby", "Fennimore", "alan." + TAG + "@example.org");
        Api.UserAccount grace = api.newUser("Grete", "Ylvisaker", "grace." + TAG + "@example.org");
        api.adminToken();
        clock.advanceTo(SEEDING);
        book(ada, "2036-06-02T09:00:00Z", "succeeded", "EUR", false); // B1 past, last week
        book(alan, "2036-06-09T09:00:00Z", "succeeded", "USD", false); // B2 this week (Monday), past
        book(grace, "2036-06-11T08:00:00Z", "refunded", "EUR", false); // B3 today, before now
        book(ada, "2036-06-11T15:00:00Z", "pending", "EUR", false); // B4 today, after now
        book(alan, "2036-06-11T22:30:00Z", "succeeded", "USD", false); // B5 Thursday 00:30 in Berlin, today in UTC
        book(grace, "2036-06-14T20:00:00Z", "failed", "EUR", false); // B6 Sunday 22:00 in Berlin: this week
        book(ada, "2036-06-15T22:30:00Z", "pending", "EUR", false); // B7 next Tuesday in Berlin, this week in UTC
        book(alan, "2036-06-20T09:00:00Z", "succeeded", "EUR", true); // B8 cancelled after payment (refund owed)
        book(grace, "2036-06-03T09:00:00Z", "pending", "EUR", true); // B9 cancelled, past
        book(ada, "2036-07-02T09:00:00Z", "succeeded", "EUR", false); // B10 after the range
        book(ada, "2036-05-25T09:00:00Z", "succeeded", "EUR", false); // B11 before the range, past
        clock.advanceTo(NOW);
        seeded = Map.of("ada", ada, "alan", alan, "grace", grace);
        return seeded;
    }

    private void book(Api.UserAccount client, String start, String paymentStatus, String currency, boolean cancel) {
        Instant startsAt = Instant.parse(start);
        long id = api.bookingId(client.token(), api.slot(startsAt, startsAt.plus(Duration.ofMinutes(60)), 1));
        if (cancel) {
            api.as(api.adminToken()).post("/api/admin/bookings/" + id + "/cancel").then().statusCode(200);
        }
        Db.update("update booking set payment_status = ?, currency = ?, amount = ? where id = ?", paymentStatus,
                currency, new BigDecimal(currency.equals("USD") ? "80.00" : "100.00"), id);
    }

    private JsonPath dashboard(Map<String, ?> params) {
        seed();
        clock.advanceTo(NOW);
        return api.as(api.adminToken()).queryParams(params).get("/api/admin/dashboard").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void dashboardCountsTheSeededPracticeInTheTherapistsTimeZone() {
        JsonPath berlin = dashboard(Map.of("from", "2036-06-01", "to", "2036-07-01"));
        assertEquals("Europe/Berlin", berlin.getString("time_zone"));
        assertEquals("2036-06-10T22:00:00Z", berlin.getString("today.from"));
        assertEquals("2036-06-11T22:00:00Z", berlin.getString("today.to"));
        assertEquals("2036-06-08T22:00:00Z", berlin.getString("this_week.from"));
        assertEquals("2036-06-15T22:00:00Z", berlin.getString("this_week.to"));
        assertEquals("2036-05-31T22:00:00Z", berlin.getString("range.from"));
        assertEquals("2036-06-30T22:00:00Z", berlin.getString("range.to"));
        assertEquals(2, berlin.getInt("sessions_today")); // B3, B4
        assertEquals(5, berlin.getInt("sessions_this_week")); // B2, B3, B4, B5, B6
        assertEquals(5, berlin.getInt("upcoming_sessions")); // B4, B5, B6, B7, B10
        assertEquals(2, berlin.getInt("cancellations")); // B8, B9
        assertEquals(Map.of("pending", 3, "succeeded", 4, "failed", 1, "refunded", 1),
                berlin.getMap("payments_by_status"));
        // B1 + B8 in EUR, B2 + B5 in USD; B3 refunded, B10 and B11 outside the range
        assertEquals(List.of(Map.of("currency", "EUR", "amount", 200.00f), Map.of("currency", "USD", "amount", 160.00f)),
                berlin.getList("revenue"));
        String raw = api.as(api.adminToken()).queryParam("from", "2036-06-01").queryParam("to", "2036-07-01")
                .get("/api/admin/dashboard").then().extract().asString();
        assertTrue(raw.contains("\"amount\":200.00"), raw);
    }

    @Test
    void todayAndThisWeekFollowTheGivenTimeZone() {
        JsonPath utc = dashboard(Map.of("from", "2036-06-01T00:00:00Z", "to", "2036-07-01T00:00:00Z",
                "time_zone", "UTC"));
        assertEquals("2036-06-11T00:00:00Z", utc.getString("today.from"));
        assertEquals("2036-06-09T00:00:00Z", utc.getString("this_week.from"));
        assertEquals(3, utc.getInt("sessions_today")); // B3, B4, B5
        assertEquals(6, utc.getInt("sessions_this_week")); // B2 .. B7
        assertEquals(5, utc.getInt("upcoming_sessions"));
        // the range without bounds: this month in the zone
        JsonPath month = dashboard(Map.of("time_zone", "UTC"));
        assertEquals("2036-06-01T00:00:00Z", month.getString("range.from"));
        assertEquals("2036-07-01T00:00:00Z", month.getString("range.to"));
        assertEquals(2, month.getInt("cancellations"));
    }

    @Test
    void dashboardRefusesBadParameters() {
        api.as(api.adminToken()).queryParam("time_zone", "Mars/Olympus").get("/api/admin/dashboard").then()
                .statusCode(400).body("type", equalTo("urn:therapy-booking:problem:validation"))
                .body("errors[0].field", equalTo("time_zone"));
        api.as(api.adminToken()).queryParam("from", "yesterday").get("/api/admin/dashboard").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        api.as(api.adminToken()).queryParam("from", "2036-06-02").queryParam("to", "2036-06-01")
                .get("/api/admin/dashboard").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void usersCarryTheirUpcomingAndPastBookingCounts() {
        Map<String, Api.UserAccount> clients = seed();
        clock.advanceTo(NOW);
        JsonPath page = api.as(api.adminToken()).queryParam("q", TAG).get("/api/admin/users").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, page.getInt("total"));
        assertEquals(50, page.getInt("limit"));
        assertEquals(0, page.getInt("offset"));
        // by last name: Fennimore (alan), Quixwell (ada), Ylvisaker (grace)
        assertEquals(List.of((int) clients.get("alan").id(), (int) clients.get("ada").id(),
                (int) clients.get("grace").id()), page.getList("users.id"));
        assertEquals(List.of(1, 3, 1), page.getList("users.upcoming_bookings"));
        assertEquals(List.of(1, 2, 1), page.getList("users.past_bookings"));
        assertEquals(clients.get("ada").email(), page.getString("users[1].email"));
        assertEquals("Ottilie", page.getString("users[1].first_name"));
        assertEquals("Europe/Berlin", page.getString("users[1].time_zone"));
        assertEquals(false, page.getBoolean("users[1].is_admin"));
        assertFalse(page.prettyPrint().contains("password"));
    }

    @Test
    void userSearchIsCaseInsensitiveOnNamesAndEmail() {
        Map<String, Api.UserAccount> clients = seed();
        for (String q : List.of("quixwell", "OTTILIE", "ottilie quix", "ADA." + TAG.toUpperCase())) {
            api.as(api.adminToken()).queryParam("q", q).get("/api/admin/users").then().statusCode(200)
                    .body("total", equalTo(1)).body("users[0].id", equalTo((int) clients.get("ada").id()));
        }
        api.as(api.adminToken()).queryParam("q", TAG).queryParam("limit", 2).queryParam("offset", 1)
                .get("/api/admin/users").then().statusCode(200).body("total", equalTo(3)).body("limit", equalTo(2))
                .body("offset", equalTo(1)).body("users.last_name", equalTo(List.of("Quixwell", "Ylvisaker")));
        api.as(api.adminToken()).queryParam("limit", 100000).get("/api/admin/users").then().statusCode(200)
                .body("limit", equalTo(200));
    }

    @Test
    void userSearchTakesWildcardsLiterally() {
        String tag = "wc" + UUID.randomUUID().toString().substring(0, 6);
        Api.UserAccount percent = api.newUser("Per%cent", tag);
        api.newUser("Perxcent", tag);
        Api.UserAccount underscore = api.newUser("Under_score", tag);
        api.newUser("Underxscore", tag);
        api.as(api.adminToken()).queryParam("q", "per%c").get("/api/admin/users").then().statusCode(200)
                .body("total", equalTo(1)).body("users[0].id", equalTo((int) percent.id()));
        api.as(api.adminToken()).queryParam("q", "under_s").get("/api/admin/users").then().statusCode(200)
                .body("total", equalTo(1)).body("users[0].id", equalTo((int) underscore.id()));
        api.as(api.adminToken()).queryParam("q", tag).get("/api/admin/users").then().statusCode(200)
                .body("total", equalTo(4)).body("users", hasSize(4));
    }

    @Test
    void userPageParametersAreValidated() {
        api.as(api.adminToken()).queryParam("limit", 0).get("/api/admin/users").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:therapy-booking:problem:validation"))
                .body("errors[0].field", equalTo("limit"));
        api.as(api.adminToken()).queryParam("offset", -1).get("/api/admin/users").then().statusCode(400)
                .body("errors[0].field", equalTo("offset"));
    }

    @Test
    void clientsAreForbiddenFromTheTherapistsViews() {
        Api.UserAccount client = api.newUser();
        for (String path : List.of("/api/admin/users", "/api/admin/dashboard")) {
            String body = api.as(client.token()).get(path).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("urn:therapy-booking:problem:forbidden"))
                    .extract().asString();
            assertFalse(body.contains("@example.org"), body);
        }
    }
}
