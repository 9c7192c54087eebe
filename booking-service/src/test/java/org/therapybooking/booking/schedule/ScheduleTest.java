package org.therapybooking.booking.schedule;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScheduleTest extends IntegrationTest {

    @Test
    void adminCreatesASlotAndIsItsTherapist() {
        Instant[] w = Api.freshWindow(Duration.ZERO, 50);
        api.createSlot(w[0], w[1], 3).statusCode(201)
                .body("starts_at", equalTo(w[0].toString())).body("ends_at", equalTo(w[1].toString()))
                .body("duration", equalTo(50)).body("capacity", equalTo(3)).body("remaining_capacity", equalTo(3))
                .body("amount", equalTo(100.00f)).body("currency", equalTo("EUR"))
                .body("therapist_name", equalTo("Dana Smith"));
    }

    @Test
    void theOriginalRequestCreatesASlotAndTheAnswerCarriesBothNames() {
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        api.as(api.adminToken()).body(Map.of("start_time", w[0].toString(), "end_time", w[1].toString(),
                "max_bookings", 2)).post("/api/admin/schedules").then().statusCode(201)
                .body("start_time", equalTo(w[0].toString())).body("end_time", equalTo(w[1].toString()))
                .body("max_bookings", equalTo(2)).body("booked_count", equalTo(0)).body("is_available", equalTo(true))
                .body("created_at", notNullValue()).body("updated_at", notNullValue())
                .body("starts_at", equalTo(w[0].toString())).body("ends_at", equalTo(w[1].toString()))
                .body("capacity", equalTo(2)).body("remaining_capacity", equalTo(2))
                // no price given: the practice's default
                .body("amount", equalTo(100.00f)).body("currency", equalTo("EUR"));
    }

    @Test
    void twoSpellingsOfOneFieldMustAgree() {
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        api.as(api.adminToken()).body(Map.of("start_time", w[0].toString(), "starts_at", w[0].plusSeconds(60).toString(),
                "end_time", w[1].toString(), "max_bookings", 1, "capacity", 1)).post("/api/admin/schedules").then()
                .statusCode(400).body("errors.field", equalTo(List.of("starts_at")));
        api.as(api.adminToken()).body(Map.of("start_time", w[0].toString(), "starts_at", w[0].toString(),
                "end_time", w[1].toString(), "max_bookings", 3, "capacity", 3)).post("/api/admin/schedules").then()
                .statusCode(201).body("max_bookings", equalTo(3));
        api.as(api.adminToken()).body(Map.of("end_time", w[1].toString())).post("/api/admin/schedules").then()
                .statusCode(400).body("errors.field", equalTo(List.of("start_time")));
    }

    @Test
    void putIsAPartialUpdate() {
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        long id = api.slot(w[0], w[1], 2);
        api.as(api.adminToken()).body(Map.of("max_bookings", 5)).put("/api/admin/schedules/" + id).then()
                .statusCode(200).body("max_bookings", equalTo(5)).body("start_time", equalTo(w[0].toString()))
                .body("end_time", equalTo(w[1].toString())).body("amount", equalTo(100.00f))
                .body("is_available", equalTo(true));
        api.as(api.adminToken()).body(Map.of("end_time", w[1].minusSeconds(900).toString())).put("/api/admin/schedules/" + id)
                .then().statusCode(200).body("duration", equalTo(45)).body("max_bookings", equalTo(5));
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("start_time", null);
        nulls.put("max_bookings", null);
        nulls.put("is_available", null);
        api.as(api.adminToken()).body(nulls).put("/api/admin/schedules/" + id).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("start_time", "max_bookings", "is_available"));
        api.as(api.adminToken()).body(Map.of("max_bookings", 1, "unknown_field", 1)).put("/api/admin/schedules/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("unknown_field"));
    }

    @Test
    void aSlotSwitchedOffIsNotListedPubliclyButStaysInTheAdminList() {
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        long id = api.slot(w[0], w[1], 1);
        String date = w[0].atZone(ZoneId.of("UTC")).toLocalDate().toString();
        given().queryParam("date", date).get("/api/schedules").then().statusCode(200)
                .body("schedules.id", hasItem((int) id));
        api.as(api.adminToken()).body(Map.of("is_available", false)).put("/api/admin/schedules/" + id).then()
                .statusCode(200).body("is_available", equalTo(false));
        given().queryParam("date", date).get("/api/schedules").then().statusCode(200)
                .body("schedules.id", not(hasItem((int) id)));
        api.as(api.adminToken()).get("/api/admin/schedules").then().statusCode(200)
                .body("schedules.find { it.id == " + id + " }.is_available", equalTo(false));
        api.as(api.adminToken()).body(Map.of("is_available", true)).put("/api/admin/schedules/" + id).then()
                .statusCode(200);
        given().queryParam("date", date).get("/api/schedules").then().statusCode(200)
                .body("schedules.id", hasItem((int) id));
    }

    @Test
    void startMustBeInTheFuture() {
        Instant start = Instant.now().minusSeconds(3600);
        api.createSlot(start, start.plusSeconds(3600), 1).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("starts_at"));
    }

    @Test
    void endMustBeAfterStart() {
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        api.createSlot(w[1], w[0], 1).statusCode(400).body("errors[0].field", equalTo("ends_at"));
        api.createSlot(w[0], w[0], 1).statusCode(400).body("errors[0].field", equalTo("ends_at"));
    }

    @Test
    void capacityAmountAndCurrencyAreValidated() {
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        api.as(api.adminToken()).body(Map.of("starts_at", w[0].toString(), "ends_at", w[1].toString(),
                "capacity", 0, "amount", "-1.00", "currency", "euro")).post("/api/admin/schedules").then()
                .statusCode(400).body("errors.field", hasItem("capacity")).body("errors.field", hasItem("amount"))
                .body("errors.field", hasItem("currency"));
        api.as(api.adminToken()).body(Map.of("starts_at", "tomorrow", "ends_at", w[1].toString(),
                "capacity", 1, "amount", "1.00", "currency", "EUR")).post("/api/admin/schedules").then()
                .statusCode(400).body("errors[0].field", equalTo("starts_at"));
    }

    @Test
    void overlappingSlotsOfTheSameTherapistAreRefused() {
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        api.slot(w[0], w[1], 1);
        api.createSlot(w[0].plusSeconds(1800), w[1].plusSeconds(1800), 1).statusCode(409)
                .contentType("application/problem+json");
        // touching is not overlapping
        api.createSlot(w[1], w[1].plusSeconds(1800), 1).statusCode(201);
    }

    @Test
    void concurrentOverlappingCreationsLeaveExactlyOneSlot() throws Exception {
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int shift = i * 60;
                calls.add(() -> api.createSlot(w[0].plusSeconds(shift), w[1].plusSeconds(shift), 1).extract()
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void adminUpdatesASlotButCannotMoveOneWithBookings() {
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        long id = api.slot(w[0], w[1], 2);
        api.as(api.adminToken()).body(Map.of("starts_at", w[0].toString(), "ends_at", w[1].minusSeconds(600).toString(),
                "capacity", 4, "amount", "80.50", "currency", "USD")).put("/api/admin/schedules/" + id).then()
                .statusCode(200).body("capacity", equalTo(4)).body("amount", equalTo(80.50f))
                .body("currency", equalTo("USD")).body("duration", equalTo(50));
        Api.UserAccount user = api.newUser();
        api.bookingId(user.token(), id);
        api.as(api.adminToken()).body(Map.of("starts_at", w[0].plusSeconds(60).toString(),
                "ends_at", w[1].toString(), "capacity", 4, "amount", "80.50", "currency", "USD"))
                .put("/api/admin/schedules/" + id).then().statusCode(409);
        api.as(api.adminToken()).body(Map.of("starts_at", w[0].toString(), "ends_at", w[1].minusSeconds(600).toString(),
                "capacity", 4, "amount", "80.50", "currency", "USD")).put("/api/admin/schedules/999999999").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void publicListingShowsOpenSlotsOfTheLocalDayWithRemainingCapacity() {
        Instant[] w = Api.freshWindow(Duration.ZERO, 60);
        long open = api.slot(w[0], w[1], 2);
        Instant[] w2 = Api.freshWindow(Duration.ZERO, 60);
        long full = api.slot(w2[0], w2[1], 1);
        Api.UserAccount user = api.newUser();
        api.bookingId(user.token(), open);
        api.bookingId(api.newUser().token(), full);
        String zone = "Pacific/Auckland";
        String date = w[0].atZone(ZoneId.of(zone)).toLocalDate().toString();
        var listing = given().queryParam("date", date).queryParam("time_zone", zone).get("/api/schedules").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1, listing.getInt("schedules.find { it.id == " + open + " }.remaining_capacity"));
        assertEquals(false, listing.getList("schedules.id", Long.class).contains(full));
        // the same instant is on another local date somewhere else: that date lists it, this one does not
        String otherDate = w[0].atZone(ZoneId.of(zone)).toLocalDate().minusDays(1).toString();
        given().queryParam("date", otherDate).queryParam("time_zone", zone).get("/api/schedules").then()
                .statusCode(200).body("schedules.id", not(hasItem((int) open)));
    }

    @Test
    void publicListingValidatesItsParameters() {
        given().get("/api/schedules").then().statusCode(400).body("errors[0].field", equalTo("date"));
        given().queryParam("date", "2026-13-45").get("/api/schedules").then().statusCode(400);
        given().queryParam("date", "2026-12-01").queryParam("time_zone", "Nowhere/Land").get("/api/schedules")
                .then().statusCode(400).body("errors[0].field", equalTo("time_zone"));
    }

    @Test
    void adminListsAllSlots() {
        long id = api.slot(1);
        api.as(api.adminToken()).get("/api/admin/schedules").then().statusCode(200)
                .body("schedules.id", hasItem((int) id));
    }
}
