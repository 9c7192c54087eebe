package org.therapybooking.booking.booking;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.EventContract;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The original API's booking requests: {@code duration} (the test profile allows 30 and 45 minutes besides the
 * slot's length), {@code new_schedule_id} and the two-hour reschedule notice.
 */
@QuarkusTest
class BookedDurationTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBookedDurationSetsTheSessionEndInTheAnswerTheLinkAndTheEvent() throws Exception {
        Api.UserAccount user = api.newUser();
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        long slot = api.slot(w[0], w[1], 1);
        long id = api.as(user.token()).body(Map.of("schedule_id", slot, "duration", 30, "notes", "first session"))
                .post("/api/bookings").then().statusCode(201)
                .body("duration", equalTo(30)).body("scheduled_at", equalTo(w[0].toString()))
                .body("ends_at", equalTo(w[0].plusSeconds(1800).toString())).body("notes", equalTo("first session"))
                .extract().jsonPath().getLong("id");
        // the join window meeting-link-service gets is the booked one
        api.as(user.token()).get("/api/meetings/" + id + "/link").then().statusCode(200).body("duration", equalTo(30));
        assertEquals(30, MeetingLinkStub.lastRequest().path("requests").get(0).path("session").path("duration").asInt());

        JsonNode created = event(id, "booking.created");
        assertEquals(30, created.path("booking").path("duration").asInt());
        assertEquals(w[0].plusSeconds(1800).toString(), created.path("booking").path("ends_at").asText());
    }

    @Test
    void withoutADurationTheSessionIsTheWholeSlot() {
        Api.UserAccount user = api.newUser();
        Instant[] w = Api.freshWindow(Duration.ZERO, 50);
        long slot = api.slot(w[0], w[1], 1);
        api.book(user.token(), slot).statusCode(201).body("duration", equalTo(50))
                .body("ends_at", equalTo(w[1].toString()));
    }

    @Test
    void aDurationMustFitInTheSlotAndBeAnAllowedOne() {
        Api.UserAccount user = api.newUser();
        long slot = api.slot(1);
        api.as(user.token()).body(Map.of("schedule_id", slot, "duration", 90)).post("/api/bookings").then()
                .statusCode(400).body("errors[0].field", equalTo("duration"))
                .body("errors[0].message", containsString("at most 60 minutes"));
        api.as(user.token()).body(Map.of("schedule_id", slot, "duration", 40)).post("/api/bookings").then()
                .statusCode(400).body("errors[0].field", equalTo("duration"))
                .body("errors[0].message", equalTo("must be 30, 45 or 60 minutes"));
        api.as(user.token()).body(Map.of("schedule_id", slot, "duration", 0)).post("/api/bookings").then()
                .statusCode(400).body("errors[0].field", equalTo("duration"));
        assertEquals(0, Db.count("select count(*) from booking where schedule_id = ?", slot));
    }

    @Test
    void rescheduleAcceptsTheOriginalNewScheduleIdAndKeepsABookedDuration() throws Exception {
        Api.UserAccount user = api.newUser();
        long from = api.slot(1);
        long to = api.slot(1);
        long id = api.as(user.token()).body(Map.of("schedule_id", from, "duration", 45)).post("/api/bookings").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        api.as(user.token()).body(Map.of("new_schedule_id", to)).put("/api/bookings/" + id + "/reschedule").then()
                .statusCode(200).body("schedule_id", equalTo((int) to)).body("duration", equalTo(45));
        JsonNode moved = event(id, "booking.rescheduled");
        assertEquals(45, moved.path("booking").path("duration").asInt());
        assertEquals(Instant.parse(moved.path("booking").path("scheduled_at").asText()).plusSeconds(45 * 60).toString(),
                moved.path("booking").path("ends_at").asText());
    }

    @Test
    void aWholeSlotBookingTakesTheNewSlotsLength() {
        Api.UserAccount user = api.newUser();
        long from = api.slot(1);
        Instant[] w = Api.freshWindow(Duration.ZERO, 50);
        long to = api.slot(w[0], w[1], 1);
        long id = api.bookingId(user.token(), from);
        api.as(user.token()).body(Map.of("schedule_id", to)).put("/api/bookings/" + id + "/reschedule").then()
                .statusCode(200).body("duration", equalTo(50)).body("ends_at", equalTo(w[1].toString()));
    }

    @Test
    void bothSpellingsOfTheNewSlotMustAgree() {
        Api.UserAccount user = api.newUser();
        long id = api.bookingId(user.token(), api.slot(1));
        long to = api.slot(1);
        api.as(user.token()).body(Map.of("new_schedule_id", to, "schedule_id", to + 1))
                .put("/api/bookings/" + id + "/reschedule").then().statusCode(400)
                .body("errors[0].field", equalTo("schedule_id"));
        api.as(user.token()).body(Map.of()).put("/api/bookings/" + id + "/reschedule").then().statusCode(400)
                .body("errors[0].field", equalTo("new_schedule_id"));
        api.as(user.token()).body(Map.of("new_schedule_id", to, "schedule_id", to))
                .put("/api/bookings/" + id + "/reschedule").then().statusCode(200);
    }

    @Test
    void theRescheduleNoticeIsTwoHours() {
        Api.UserAccount user = api.newUser();
        Instant[] soon = Api.freshWindow(Duration.ZERO, 60);
        long soonId = api.bookingId(user.token(), api.slot(soon[0], soon[1], 1));
        Instant[] later = Api.freshWindow(Duration.ZERO, 60);
        long laterId = api.bookingId(user.token(), api.slot(later[0], later[1], 1));
        // now: two hours and a minute before the later session, so less than two hours before the sooner one
        clock.advanceTo(later[0].minus(Duration.ofHours(2)).minus(Duration.ofMinutes(1)));
        api.as(user.token()).body(Map.of("new_schedule_id", api.slot(1))).put("/api/bookings/" + soonId + "/reschedule")
                .then().statusCode(409).body("detail", equalTo("A booking can be rescheduled only up to 2 hours before it starts"));
        api.as(user.token()).body(Map.of("new_schedule_id", api.slot(1))).put("/api/bookings/" + laterId + "/reschedule")
                .then().statusCode(200);
    }

    @Test
    void aSlotSwitchedOffIsNotBookableButKeepsItsBookings() {
        Api.UserAccount user = api.newUser();
        long slot = api.slot(2);
        long id = api.bookingId(user.token(), slot);
        api.as(api.adminToken()).body(Map.of("is_available", false)).put("/api/admin/schedules/" + slot).then()
                .statusCode(200).body("is_available", equalTo(false)).body("booked_count", equalTo(1));
        api.book(api.newUser().token(), slot).statusCode(409).body("detail", equalTo("The slot is not available"));
        api.as(user.token()).get("/api/bookings/" + id).then().statusCode(200).body("status", equalTo("scheduled"));
        Api.UserAccount mover = api.newUser();
        long moving = api.bookingId(mover.token(), api.slot(1));
        api.as(mover.token()).body(Map.of("new_schedule_id", slot)).put("/api/bookings/" + moving + "/reschedule")
                .then().statusCode(409).body("detail", equalTo("The new slot is not available"));
    }

    /** The event the service wrote for the relay (the record value sent as is), checked against docs/events. */
    private static JsonNode event(long bookingId, String type) throws Exception {
        List<Object[]> rows = Db.query("select payload from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and event_type = ? "
                + "order by id desc", bookingId, type);
        assertEquals(false, rows.isEmpty(), "no " + type + " for booking " + bookingId);
        JsonNode event = JSON.readTree((String) rows.get(0)[0]);
        Set<String> violations = EventContract.violations(type, event);
        assertEquals(Set.of(), violations, type + ": " + event);
        return event;
    }
}
