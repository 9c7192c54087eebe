package org.therapybooking.booking.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
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
import io.restassured.response.ValidatableResponse;

/** Password reset against the real database and broker: the request, the link's single use, expiry and limits. */
@QuarkusTest
class PasswordResetTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_PASSWORD = "a new \"pass\" & #word 😀";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static ValidatableResponse requestReset(String email, String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body(Map.of("email", email)).post("/api/auth/password-reset").then();
    }

    private static ValidatableResponse confirm(String token, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "password", password))
                .post("/api/auth/password-reset/confirm").then();
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** A client address of its own, so requests count only against the address they ask for. */
    private static String freshClient() {
        int n = CLIENTS.incrementAndGet();
        return "10.99." + n / 256 % 256 + "." + n % 256;
    }

    /** The payloads of the account's outbox rows of this type, oldest first. */
    private static List<JsonNode> accountEvents(long userId, String type) {
        return Db.query("select payload from outbox_event where aggregate_type = 'account' and aggregate_id = ? "
                + "and event_type = ? order by id", userId, type).stream().map(row -> {
                    try {
                        return JSON.readTree((String) row[0]);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static String tokenOf(JsonNode event) {
        String url = event.path("reset").path("url").asText();
        return url.substring(url.indexOf("#token=") + "#token=".length());
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
        Api.UserAccount user = api.newUser("Zoë \"Zo\" &", "O'Brien-שלום");
        String unknown = "nobody-" + UUID.randomUUID() + "@example.org";
        String known = requestReset(user.email(), "198.51.100.1").statusCode(202)
                .contentType(ContentType.JSON).body("message", notNullValue()).extract().asString();
        String absent = requestReset(unknown, "198.51.100.2").statusCode(202).extract().asString();
        assertEquals(known, absent);
        assertEquals(0, Db.count("select count(*) from outbox_event where payload like ?", "%" + unknown + "%"));

        // one event for the account, on account.events, keyed by the user id, as its schema says
        KafkaEvents.awaitAccountEventsSent(user.id());
        List<KafkaEvents.Event> published = KafkaEvents.readToEnd("account.events", Set.of(String.valueOf(user.id())));
        assertEquals(1, published.size());
        JsonNode event = JSON.readTree(published.get(0).value());
        assertEquals(Set.of(), EventContract.violations(published.get(0).eventType(), event));
        assertEquals("account.password_reset_requested", event.path("event_type").asText());
        assertEquals("Zoë \"Zo\" &", event.path("account").path("first_name").asText());
        assertEquals("Europe/Berlin", event.path("account").path("time_zone").asText());
        assertTrue(event.path("reset").path("url").asText().contains("/reset-password.html#token="));

        // only the token's SHA-256 is stored
        String token = tokenOf(event);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        assertEquals(1, Db.count("select count(*) from password_reset where user_id = ? and token_hash = ?", user.id(), hash));
        assertEquals(0, Db.count("select count(*) from password_reset where encode(token_hash, 'escape') like ?",
                "%" + token + "%"));
    }

    @Test
    void aResetSetsThePasswordEndsEverySessionAndWorksOnce() throws Exception {
        Api.UserAccount user = api.newUser();
        api.as(user.token()).get("/api/auth/me").then().statusCode(200);
        requestReset(user.email(), freshClient()).statusCode(202);
        requestReset(user.email().toUpperCase(), freshClient()).statusCode(202);
        List<JsonNode> links = accountEvents(user.id(), "account.password_reset_requested");
        assertEquals(2, links.size(), "the address is matched without regard to case");
        String first = tokenOf(links.get(0));
        String second = tokenOf(links.get(1));

        confirm(second, "short").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("password"));
        confirm(second, NEW_PASSWORD).statusCode(200).body("message", containsString("changed"));

        // the session opened with the old password has ended; the old password no longer works
        api.as(user.token()).get("/api/auth/me").then().statusCode(401).contentType("application/problem+json");
        api.loginResponse(user.email(), Api.PASSWORD).statusCode(401);
        String fresh = api.login(user.email(), NEW_PASSWORD);
        api.as(fresh).get("/api/auth/me").then().statusCode(200).body("id", equalTo((int) user.id()));

        // each link works once, and using one voids the other
        confirm(second, "another-password-1").statusCode(410).body("detail", containsString("already used"));
        confirm(first, "another-password-1").statusCode(410);
        api.as(fresh).get("/api/auth/me").then().statusCode(200);

        // the person is told, on account.events, with nothing secret in the event
        List<JsonNode> changed = accountEvents(user.id(), "account.password_changed");
        assertEquals(1, changed.size());
        assertEquals(Set.of(), EventContract.violations(changed.get(0)));
        assertFalse(changed.get(0).toString().contains("token"));
    }

    @Test
    void anExpiredLinkChangesNothing() {
        Api.UserAccount user = api.newUser();
        requestReset(user.email(), freshClient()).statusCode(202);
        String token = tokenOf(accountEvents(user.id(), "account.password_reset_requested").get(0));
        clock.advance(Duration.ofMinutes(31));
        confirm(token, NEW_PASSWORD).statusCode(410).body("detail", containsString("expired"));
        clock.reset();
        api.as(user.token()).get("/api/auth/me").then().statusCode(200);
        api.login(user.email(), Api.PASSWORD);
    }

    @Test
    void unknownMalformedAndMissingTokensAreRefused() {
        confirm("x".repeat(43), NEW_PASSWORD).statusCode(400).body("detail", containsString("not valid"));
        confirm("' or 1=1 --", NEW_PASSWORD).statusCode(400);
        confirm("a#b&c", NEW_PASSWORD).statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("password", NEW_PASSWORD))
                .post("/api/auth/password-reset/confirm").then().statusCode(400)
                .body("errors[0].field", equalTo("token"));
        requestReset("not-an-address", freshClient()).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void requestsAreLimitedPerAddressAndPerClientWhetherOrNotTheAccountExists() {
        String unknown = "limit-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < 3; i++) {
            requestReset(unknown, freshClient()).statusCode(202);
        }
        requestReset(unknown, freshClient()).statusCode(429).header("Retry-After", notNullValue())
                .contentType("application/problem+json");

        Api.UserAccount user = api.newUser();
        for (int i = 0; i < 3; i++) {
            requestReset(user.email(), freshClient()).statusCode(202);
        }
        requestReset(user.email(), freshClient()).statusCode(429);
        assertEquals(3, accountEvents(user.id(), "account.password_reset_requested").size());

        String client = "203.0.113.7";
        for (int i = 0; i < 10; i++) {
            requestReset("c" + i + "-" + UUID.randomUUID() + "@example.org", client).statusCode(202);
        }
        requestReset("c-" + UUID.randomUUID() + "@example.org", client).statusCode(429);
    }
}
