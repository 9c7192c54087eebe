package org.therapybooking.booking.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Test-side client of the public API: accounts, tokens and slots that never collide between tests. */
public class Api {

    public static final String ADMIN_EMAIL = "dana.smith@example.org";
    public static final String ADMIN_PASSWORD = "admin-password-1";
    public static final String PASSWORD = "correct horse battery";

    /** Each slot gets its own two-hour window far enough ahead that reschedule notice rules pass. */
    private static final AtomicLong NEXT_SLOT = new AtomicLong();
    private static final Instant BASE = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
    private static final AtomicLong CLIENTS = new AtomicLong();
    private static volatile String adminToken;

    public record UserAccount(long id, String email, String token) {
    }

    public UserAccount newUser() {
        return newUser("Zoë", "O'Brien");
    }

    public UserAccount newUser(String firstName, String lastName) {
        return newUser(firstName, lastName, "u-" + UUID.randomUUID() + "@example.org");
    }

    public UserAccount newUser(String firstName, String lastName, String email) {
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("first_name", firstName, "last_name", lastName, "email", email, "password", PASSWORD,
                        "time_zone", "Europe/Berlin"))
                .post("/api/auth/register").then().statusCode(201).extract().jsonPath().getLong("id");
        return new UserAccount(id, email, login(email, PASSWORD));
    }

    /**
     * Logs in from a fresh forwarded client address, so the suite's many logins do not use up the per-client
     * budget that AuthTest exercises.
     */
    public String login(String email, String password) {
        return loginResponse(email, password).statusCode(200).extract().path("access_token");
    }

    /** A login attempt whatever its outcome, from a fresh forwarded client address as {@link #login}. */
    public ValidatableResponse loginResponse(String email, String password) {
        long n = CLIENTS.incrementAndGet();
        String client = "10." + n / 65536 % 256 + "." + n / 256 % 256 + "." + n % 256;
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login").then();
    }

    public String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A fresh, non-overlapping slot window: start and end. */
    public static Instant[] freshWindow(Duration offsetFromBase, int minutes) {
        Instant start = BASE.plus(offsetFromBase).plus(Duration.ofHours(2 * NEXT_SLOT.getAndIncrement()));
        return new Instant[] {start, start.plus(Duration.ofMinutes(minutes))};
    }

    public long slot(int capacity) {
        Instant[] window = freshWindow(Duration.ZERO, 60);
        return slot(window[0], window[1], capacity);
    }

    public long slot(Instant start, Instant end, int capacity) {
        return createSlot(start, end, capacity).statusCode(201).extract().jsonPath().getLong("id");
    }

    public ValidatableResponse createSlot(Instant start, Instant end, int capacity) {
        return as(adminToken()).body(Map.of("starts_at", start.toString(), "ends_at", end.toString(),
                "capacity", capacity, "amount", "100.00", "currency", "EUR"))
                .post("/api/admin/schedules").then();
    }

    public ValidatableResponse book(String token, long scheduleId) {
        return as(token).body(Map.of("schedule_id", scheduleId)).post("/api/bookings").then();
    }

    public long bookingId(String token, long scheduleId) {
        return book(token, scheduleId).statusCode(201).extract().jsonPath().getLong("id");
    }
}
