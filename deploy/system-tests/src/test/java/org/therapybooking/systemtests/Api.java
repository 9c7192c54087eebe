package org.therapybooking.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * booking-service's public HTTP API as the system tests use it: every request body is built here, in one place,
 * so a change of field names is one edit (docs/api.md is the reference).
 */
final class Api {
    static final String PASSWORD = "correct horse battery";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slots one after the other, two hours apart, a month ahead: no overlaps, no reminder due during the run. */
    private static final Instant BASE = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
    private static final AtomicLong NEXT_SLOT = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final Balancer balancer;

    record Response(int status, JsonNode body, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A login's status and, on 429, its {@code Retry-After} in seconds (else -1). */
    record LoginAnswer(int status, long retryAfterSeconds) {
    }

    Api(Balancer balancer) {
        this.balancer = balancer;
    }

    long register(String email, String firstName) {
        Response r = post("/api/auth/register", null, Map.of("first_name", firstName, "last_name", "Tester",
                "email", email, "password", PASSWORD, "time_zone", "Europe/Berlin"));
        return expect(r, 201, "register").get("id").asLong();
    }

    String login(String email, String password) {
        Response r = post("/api/auth/login", null, Map.of("email", email, "password", password));
        return expect(r, 200, "login").get("access_token").asText();
    }

    /** One login attempt sent to this replica, not through the balancer. */
    LoginAnswer loginAt(ServiceProcess replica, String email, String password) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/api/auth/login"))
                    .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("email", email, "password", password))))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(-1L);
            return new LoginAnswer(response.statusCode(), retryAfter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long createSlot(String adminToken) {
        Instant start = BASE.plus(Duration.ofHours(2 * NEXT_SLOT.getAndIncrement()));
        Response r = post("/api/admin/schedules", adminToken, Map.of("starts_at", start.toString(),
                "ends_at", start.plus(Duration.ofMinutes(50)).toString(), "capacity", 1, "amount", "100.00",
                "currency", "EUR"));
        return expect(r, 201, "create slot").get("id").asLong();
    }

    /** A slot of {@code minutes} from {@code start} (for sessions that take place during the run). */
    long createSlot(String adminToken, Instant start, int minutes) {
        Response r = post("/api/admin/schedules", adminToken, Map.of("starts_at", start.toString(),
                "ends_at", start.plus(Duration.ofMinutes(minutes)).toString(), "capacity", 1, "amount", "100.00",
                "currency", "EUR"));
        return expect(r, 201, "create slot").get("id").asLong();
    }

    /** A GET's answer as received: status, Location (null when none) and body. */
    record Page(int status, String location, String body) {
    }

    /** GET on one replica, redirects not followed. */
    Page getAt(ServiceProcess replica, String path, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.baseUrl() + path))
                    .timeout(Duration.ofSeconds(15)).GET();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One booking attempt, whatever its outcome: no retries, a failure is counted as it is. */
    Response book(String token, long scheduleId) {
        return post("/api/bookings", token, Map.of("schedule_id", scheduleId));
    }

    private Response post(String path, String token, Map<String, Object> body) {
        String base = balancer.next();
        if (base == null) {
            return new Response(-1, null, "no ready replica");
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), json, null);
        } catch (IOException e) {
            return new Response(-1, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, null, "interrupted");
        }
    }

    private static JsonNode expect(Response r, int status, String what) {
        if (r.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + " but got " + r.status() + " "
                    + (r.body() != null ? r.body() : r.error()));
        }
        return r.body();
    }
}
