package org.therapybooking.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.sweep.BadInputSweep;
import org.therapybooking.localstack.sweep.BadInputs;
import org.therapybooking.localstack.sweep.OpenApiOperations;
import org.therapybooking.localstack.sweep.OpenApiOperations.Operation;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every operation of booking-service's own OpenAPI document gets bad input (docs/operations.md "Bad-input sweep"):
 * only 4xx problem+json answers without internals, never a 5xx, and no row written by a refused request.
 * As a client on client operations, as the admin on admin ones, and once without a token each.
 */
@QuarkusTest
class BadInputSweepTest extends IntegrationTest {

    private static final long SEED = 20261130L;
    /** Per operation, how many of the per-field and per-parameter values run (a seeded choice). */
    private static final int SAMPLED_PER_OPERATION = 20;
    private static final List<String> TABLES = List.of("app_user", "schedule", "booking", "outbox_event",
            "payment_intent", "payment_refund", "payment_webhook_event");

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyPublicEndpointRefusesBadInputWithAProblemAndWritesNothing() {
        Api.UserAccount client = api.newUser();
        Api.UserAccount other = api.newUser();
        long ownBooking = api.bookingId(client.token(), api.slot(3));
        long othersBooking = api.bookingId(other.token(), api.slot(3));
        long openSlot = api.slot(100);
        long adminSlot = api.slot(3);
        // the user the staff erasure and export probes act on (the first valid erasure erases them, later ones 404)
        long staffTarget = api.newUser().id();
        AtomicLong emails = new AtomicLong();
        // the client's own join token: /j/{token} gets bad query parameters and headers around a real one
        String joinUrl = api.as(client.token()).get("/api/bookings/" + ownBooking).then().statusCode(200).extract()
                .jsonPath().getString("join_url");
        String joinToken = joinUrl.substring(joinUrl.lastIndexOf('/') + 1);

        List<Operation> operations = OpenApiOperations.fetch(base);
        BadInputs.Samples samples = new BadInputs.Samples(
                operation -> operation.path()
                        .replace("/api/admin/schedules/{id}", "/api/admin/schedules/" + adminSlot)
                        .replace("/api/admin/users/{id}", "/api/admin/users/" + staffTarget)
                        .replace("{id}", Long.toString(ownBooking))
                        .replace("{token}", joinToken),
                (operation, name) -> switch (name) {
                    case "email" -> operation.path().endsWith("/register")
                            ? "sweep-" + emails.incrementAndGet() + "-" + UUID.randomUUID() + "@example.org"
                            : client.email();
                    // a wrong one for login and for erasing oneself: the sweep's client must stay signed in
                    case "password" -> operation.path().endsWith("/login") || operation.path().equals("/api/auth/me")
                            ? "not the password" : Api.PASSWORD;
                    case "first_name", "last_name" -> "Sweep";
                    case "time_zone" -> "Europe/Berlin";
                    case "schedule_id", "new_schedule_id" -> openSlot;
                    case "booking_id" -> ownBooking;
                    case "date" -> "2027-03-01";
                    default -> null;
                },
                (operation, parameter) -> List.of(Long.toString(othersBooking), "999999999"));
        List<BadInputs.Probe> probes = BadInputs.generate(operations, samples, SEED, SAMPLED_PER_OPERATION);

        BadInputSweep sweep = new BadInputSweep(base,
                operation -> operation.path().startsWith("/api/admin") ? api.adminToken() : client.token(),
                // the sweep's own client address: its failed logins must not spend another test's budget
                Map.of("X-Forwarded-For", "198.18.0.1"), BadInputSweepTest::rowCounts);
        Instant start = Instant.now();
        BadInputSweep.Result result = sweep.run("booking-service", operations, probes);
        System.out.println(result.summary() + " in " + Duration.between(start, Instant.now()).toSeconds() + " s");
        result.accepted().stream().limit(20).forEach(a -> System.out.println("  accepted: " + a));

        assertTrue(operations.size() >= 20, "operations in the OpenAPI document: " + operations);
        assertTrue(result.failures().isEmpty(), result.report());
    }

    /** What the first sweep answered with 500 (or took as valid), pinned one by one. */
    @Test
    void theSweepsFindingsAreRefusedAsTheRequestsFault() {
        long usersBefore = Db.count("select count(*) from app_user");
        // NUL in text: PostgreSQL refuses it; now the field is named before anything is written
        given().contentType(ContentType.JSON).body("{\"first_name\":\"a\\u0000b\",\"last_name\":\"B\",\"email\":\"nul-"
                + UUID.randomUUID() + "@example.org\",\"password\":\"" + Api.PASSWORD + "\"}")
                .post("/api/auth/register").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("first_name"))
                .body("errors[0].message", equalTo("must not contain NUL characters"));
        assertEquals(usersBefore, Db.count("select count(*) from app_user"));
        // an instant beyond PostgreSQL's timestamptz (was 500: timestamp out of range)
        api.as(api.adminToken()).queryParam("from", "-999999999-01-01T00:00:00Z").get("/api/admin/bookings").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        // a member twice (was 500 from the record's creator) and trailing garbage (was taken as valid)
        String token = api.newUser().token();
        long booking = api.bookingId(token, api.slot(1));
        api.as(token).body("{\"reason\":\"a\",\"reason\":\"b\"}").post("/api/bookings/" + booking + "/cancel").then()
                .statusCode(400).body("type", equalTo("urn:therapy-booking:problem:malformed-request"));
        api.as(api.adminToken()).body("{}garbage").put("/api/admin/schedules/" + api.slot(1)).then()
                .statusCode(400).body("type", equalTo("urn:therapy-booking:problem:malformed-request"));
        // NUL in a query parameter that reaches SQL (was 500: invalid byte sequence)
        api.as(api.adminToken()).urlEncodingEnabled(false).queryParam("q", "a%00b").get("/api/admin/users").then()
                .statusCode(400).contentType("application/problem+json");
    }

    /** One query (one connection) per probe: the sweep reads these before and after each request. */
    private static Map<String, Long> rowCounts() {
        Object[] row = Db.query("select " + String.join(", ",
                TABLES.stream().map(t -> "(select count(*) from " + t + ")").toList())).get(0);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < TABLES.size(); i++) {
            counts.put(TABLES.get(i), ((Number) row[i]).longValue());
        }
        return counts;
    }
}
