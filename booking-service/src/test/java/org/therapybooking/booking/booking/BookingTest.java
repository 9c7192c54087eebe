package org.therapybooking.booking.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class BookingTest extends IntegrationTest {

    private static final String ROOM = "booking-[0-9]+-[0-9]{10}-[a-z0-9]{16}";

    @Test
    void bookingASlotGivesARoomAndAPersonalizedLink() {
        Api.UserAccount user = api.newUser();
        long slot = api.slot(1);
        var booking = api.as(user.token()).body(Map.of("schedule_id", slot, "notes", "first session"))
                .post("/api/bookings").then().statusCode(201)
                .body("user_id", equalTo((int) user.id())).body("schedule_id", equalTo((int) slot))
                .body("status", equalTo("scheduled")).body("duration", equalTo(60))
                .body("jitsi_room_id", matchesPattern(ROOM))
                .body("amount", equalTo(100.00f)).body("currency", equalTo("EUR"))
                .body("payment_status", equalTo("pending")).body("sequence", equalTo(0))
                .body("notes", equalTo("first session")).body("created_at", notNullValue())
                .body("personalized_meeting_url", containsString("#userInfo.displayName=%22Zo%C3%AB%20O'Brien%22"))
                .body("meeting_links_status", equalTo("available"))
                .extract().jsonPath();
        long id = booking.getLong("id");
        assertEquals(true, booking.getString("jitsi_room_id").startsWith("booking-" + id + "-"));
        assertEquals(MeetingLinkStub.JITSI_BASE + "/" + booking.getString("jitsi_room_id"),
                booking.getString("jitsi_room_url"));
    }

    @Test
    void amountIsAJsonNumberWithTwoDecimals() {
        Api.UserAccount user = api.newUser();
        long id = api.bookingId(user.token(), api.slot(1));
        String raw = api.as(user.token()).get("/api/bookings/" + id).then().statusCode(200).extract().asString();
        assertEquals(true, raw.contains("\"amount\":100.00"), raw);
    }

    @Test
    void ownListCarriesPersonalizedLinks() {
        Api.UserAccount user = api.newUser();
        long a = api.bookingId(user.token(), api.slot(1));
        long b = api.bookingId(user.token(), api.slot(1));
        api.as(user.token()).get("/api/bookings").then().statusCode(200)
                .body("bookings", hasSize(2)).body("bookings.id", hasItem((int) a)).body("bookings.id", hasItem((int) b))
                .body("bookings.personalized_meeting_url", everyItem(startsWith(MeetingLinkStub.JITSI_BASE + "/booking-")))
                .body("meeting_links_status", equalTo("available"));
    }

    @Test
    void aFullSlotAnswers409() {
        long slot = api.slot(1);
        api.bookingId(api.newUser().token(), slot);
        api.book(api.newUser().token(), slot).statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("The slot is fully booked"));
    }

    @Test
    void aUserCannotHoldTwoOverlappingBookings() {
        Api.UserAccount user = api.newUser();
        long slot = api.slot(5);
        api.bookingId(user.token(), slot);
        api.book(user.token(), slot).statusCode(409).body("detail", equalTo("You already have a booking at this time"));
    }

    @Test
    void unknownSlotIs404() {
        api.book(api.newUser().token(), 987654321L).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void bodiesCannotSetServerOwnedFields() {
        Api.UserAccount user = api.newUser();
        long slot = api.slot(1);
        for (Map.Entry<String, Object> field : Map.<String, Object>of("status", "completed", "user_id", 1,
                "payment_status", "succeeded", "role", "admin", "amount", "0.01", "jitsi_room_id", "mine").entrySet()) {
            api.as(user.token()).body(Map.of("schedule_id", slot, field.getKey(), field.getValue()))
                    .post("/api/bookings").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field.getKey()));
        }
        // nothing was booked by the refused requests
        api.as(user.token()).get("/api/bookings").then().body("bookings", hasSize(0));
    }

    @Test
    void cancelByOwnerThenAgainIs409() {
        Api.UserAccount user = api.newUser();
        long id = api.bookingId(user.token(), api.slot(1));
        api.as(user.token()).body(Map.of("reason", "ill")).post("/api/bookings/" + id + "/cancel").then()
                .statusCode(200).body("status", equalTo("cancelled")).body("sequence", equalTo(1));
        api.as(user.token()).post("/api/bookings/" + id + "/cancel").then().statusCode(409);
    }

    @Test
    void aClientCannotCancelASessionThatHasStartedButAnAdminCan() {
        Api.UserAccount user = api.newUser();
        String admin = api.adminToken();
        var booking = api.book(user.token(), api.slot(1)).statusCode(201).extract().jsonPath();
        long id = booking.getLong("id");
        Instant start = Instant.parse(booking.getString("scheduled_at"));
        try {
            // the session started 10 minutes ago
            clock.advanceTo(start.plus(Duration.ofMinutes(10)));
            api.as(user.token()).body(Map.of("reason", "forgot")).post("/api/bookings/" + id + "/cancel").then()
                    .statusCode(409).contentType("application/problem+json")
                    .body("detail", equalTo("A session can no longer be cancelled once it has started"));
            // and a month after it took place
            clock.advanceTo(start.plus(Duration.ofDays(30)));
            api.as(user.token()).post("/api/bookings/" + id + "/cancel").then().statusCode(409);
            api.as(user.token()).get("/api/bookings/" + id).then().body("status", equalTo("scheduled"))
                    .body("sequence", equalTo(0));
            assertEquals(0, Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and event_type = ?",
                    id, "booking.cancelled"));
            // an admin still can (e.g. to record a session that did not take place)
            api.as(admin).post("/api/admin/bookings/" + id + "/cancel").then().statusCode(200)
                    .body("status", equalTo("cancelled"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void cancellingFreesThePlace() {
        long slot = api.slot(1);
        Api.UserAccount first = api.newUser();
        long id = api.bookingId(first.token(), slot);
        api.as(first.token()).post("/api/bookings/" + id + "/cancel").then().statusCode(200);
        api.book(api.newUser().token(), slot).statusCode(201);
    }

    @Test
    void rescheduleMovesToAFreeSlotWithANewRoom() {
        Api.UserAccount user = api.newUser();
        var created = api.book(user.token(), api.slot(1)).statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        long target = api.slot(1);
        var moved = api.as(user.token()).body(Map.of("schedule_id", target))
                .put("/api/bookings/" + id + "/reschedule").then().statusCode(200)
                .body("schedule_id", equalTo((int) target)).body("sequence", equalTo(1))
                .body("status", equalTo("scheduled")).body("jitsi_room_id", matchesPattern(ROOM)).extract().jsonPath();
        assertNotEquals(created.getString("jitsi_room_id"), moved.getString("jitsi_room_id"));
        assertNotEquals(created.getString("scheduled_at"), moved.getString("scheduled_at"));
    }

    @Test
    void rescheduleNeedsAFreeTargetSlot() {
        Api.UserAccount user = api.newUser();
        long id = api.bookingId(user.token(), api.slot(1));
        long full = api.slot(1);
        api.bookingId(api.newUser().token(), full);
        api.as(user.token()).body(Map.of("schedule_id", full)).put("/api/bookings/" + id + "/reschedule").then()
                .statusCode(409).body("detail", equalTo("The new slot is fully booked"));
    }

    @Test
    void rescheduleIsRefusedInsideTheNoticePeriod() {
        Api.UserAccount user = api.newUser();
        var booking = api.book(user.token(), api.slot(1)).statusCode(201).extract().jsonPath();
        long other = api.slot(1);
        try {
            // one hour before the session
            clock.advanceTo(Instant.parse(booking.getString("scheduled_at")).minus(Duration.ofHours(1)));
            api.as(user.token()).body(Map.of("schedule_id", other))
                    .put("/api/bookings/" + booking.getLong("id") + "/reschedule").then().statusCode(409)
                    .body("detail", containsString("2 hours"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void cancelledBookingCannotBeRescheduled() {
        Api.UserAccount user = api.newUser();
        long id = api.bookingId(user.token(), api.slot(1));
        api.as(user.token()).post("/api/bookings/" + id + "/cancel").then().statusCode(200);
        api.as(user.token()).body(Map.of("schedule_id", api.slot(1))).put("/api/bookings/" + id + "/reschedule")
                .then().statusCode(409);
    }

    @Test
    void otherUsersBookingsDoNotExistForYou() {
        Api.UserAccount owner = api.newUser();
        Api.UserAccount other = api.newUser();
        long id = api.bookingId(owner.token(), api.slot(1));
        api.as(other.token()).get("/api/bookings/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Booking not found"));
        api.as(other.token()).post("/api/bookings/" + id + "/cancel").then().statusCode(404);
        api.as(other.token()).body(Map.of("schedule_id", api.slot(1))).put("/api/bookings/" + id + "/reschedule")
                .then().statusCode(404);
        api.as(other.token()).get("/api/meetings/" + id + "/link").then().statusCode(404);
        api.as(other.token()).get("/api/bookings").then().body("bookings.id", not(hasItem((int) id)));
        // the same answer as for an id that never existed
        api.as(other.token()).get("/api/bookings/987654321").then().statusCode(404)
                .body("detail", equalTo("Booking not found"));
        // and the owner's booking is untouched
        api.as(owner.token()).get("/api/bookings/" + id).then().statusCode(200).body("status", equalTo("scheduled"));
    }

    @Test
    void adminSeesAllBookingsWithHostLinksAndFilters() {
        Api.UserAccount user = api.newUser();
        long a = api.bookingId(user.token(), api.slot(1));
        long b = api.bookingId(user.token(), api.slot(1));
        api.as(user.token()).post("/api/bookings/" + b + "/cancel").then().statusCode(200);
        api.as(api.adminToken()).queryParam("user_id", user.id()).get("/api/admin/bookings").then().statusCode(200)
                .body("total", equalTo(2)).body("limit", equalTo(50)).body("offset", equalTo(0))
                .body("bookings", hasSize(2))
                .body("bookings.admin_meeting_url", everyItem(containsString("displayName=%22Dana%20Smith%22")))
                .body("bookings.admin_meeting_url", everyItem(containsString("config.startWithAudioMuted=false")))
                .body("meeting_links_status", equalTo("available"));
        api.as(api.adminToken()).queryParam("user_id", user.id()).queryParam("status", "cancelled")
                .get("/api/admin/bookings").then().statusCode(200).body("total", equalTo(1))
                .body("bookings[0].id", equalTo((int) b));
        api.as(api.adminToken()).queryParam("user_id", user.id()).queryParam("limit", 1).queryParam("offset", 1)
                .get("/api/admin/bookings").then().statusCode(200).body("total", equalTo(2)).body("bookings", hasSize(1))
                .body("limit", equalTo(1)).body("offset", equalTo(1));
        api.as(api.adminToken()).queryParam("user_id", user.id()).queryParam("from", "2000-01-01")
                .queryParam("to", "2000-01-02").get("/api/admin/bookings").then().statusCode(200)
                .body("total", equalTo(0));
        api.as(api.adminToken()).get("/api/admin/bookings").then().body("bookings.id", hasItem((int) a));
    }

    @Test
    void adminPageSizeIsCappedAndValidated() {
        api.as(api.adminToken()).queryParam("limit", 10_000).get("/api/admin/bookings").then().statusCode(200)
                .body("limit", equalTo(200));
        api.as(api.adminToken()).queryParam("limit", 0).get("/api/admin/bookings").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        api.as(api.adminToken()).queryParam("offset", -1).get("/api/admin/bookings").then().statusCode(400);
        api.as(api.adminToken()).queryParam("status", "bogus").get("/api/admin/bookings").then().statusCode(400);
        api.as(api.adminToken()).queryParam("from", "yesterday").get("/api/admin/bookings").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        api.as(api.adminToken()).queryParam("user_id", "abc").get("/api/admin/bookings").then().statusCode(400)
                .body("errors[0].field", equalTo("user_id"));
    }

    @Test
    void adminCancelsAnyBooking() {
        Api.UserAccount user = api.newUser();
        long id = api.bookingId(user.token(), api.slot(1));
        api.as(api.adminToken()).body(Map.of("reason", "therapist ill")).post("/api/admin/bookings/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("cancelled"))
                .body("admin_meeting_url", containsString("Dana"));
        api.as(user.token()).get("/api/bookings/" + id).then().body("status", equalTo("cancelled"));
    }

    @Test
    void oversizedBodiesGet413() {
        String big = "{\"schedule_id\":1,\"notes\":\"" + "x".repeat(70_000) + "\"}";
        api.as(api.newUser().token()).body(big).post("/api/bookings").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void wrongContentTypeGets415AndUnknownPathsGet404AsProblems() {
        api.as(api.newUser().token()).contentType(ContentType.TEXT).body("schedule_id=1").post("/api/bookings").then()
                .statusCode(415).contentType("application/problem+json");
        given().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        api.as(api.newUser().token()).body("{not json").post("/api/bookings").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
