package org.therapybooking.booking.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
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

/** PATCH /api/auth/me: what a person may change about themselves, and the event that carries it to the emails. */
@QuarkusTest
class ProfileTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UGLY_FIRST = "Zoë \"Zo\" <b>&amp;</b> #1 😀";
    private static final String UGLY_LAST = "O'Brien-שלום مرحبا";

    private static long updates(long userId) {
        return Db.count("select count(*) from outbox_event where aggregate_type = 'account' and aggregate_id = ? "
                + "and event_type = 'account.updated'", userId);
    }

    @Test
    void aPersonChangesTheirNamesZonePhoneAndLocationAndTheEmailsHearOfIt() throws Exception {
        Api.UserAccount user = api.newUser();
        Map<String, Object> change = Map.of("first_name", "  " + UGLY_FIRST + " ", "last_name", UGLY_LAST,
                "time_zone", "America/New_York", "phone", "+1 (555) 123-4567", "location", "Portland, OR");
        api.as(user.token()).body(change).patch("/api/auth/me").then().statusCode(200)
                .body("first_name", equalTo(UGLY_FIRST)).body("last_name", equalTo(UGLY_LAST))
                .body("time_zone", equalTo("America/New_York")).body("phone", equalTo("+1 (555) 123-4567"))
                .body("location", equalTo("Portland, OR")).body("email", equalTo(user.email()));
        api.as(user.token()).get("/api/auth/me").then().statusCode(200).body("first_name", equalTo(UGLY_FIRST))
                .body("time_zone", equalTo("America/New_York"));

        KafkaEvents.awaitAccountEventsSent(user.id());
        List<KafkaEvents.Event> events = KafkaEvents.readToEnd("account.events", Set.of(String.valueOf(user.id())));
        assertEquals(1, events.size());
        JsonNode event = JSON.readTree(events.get(0).value());
        assertEquals(Set.of(), EventContract.violations(events.get(0).eventType(), event));
        assertEquals("account.updated", event.path("event_type").asText());
        assertEquals(UGLY_FIRST, event.path("account").path("first_name").asText());
        assertEquals("America/New_York", event.path("account").path("time_zone").asText());
        assertFalse(event.toString().contains("555"), "no phone in the event: the emails do not need it");
        assertFalse(event.toString().contains("Portland"), "no location either");
    }

    @Test
    void absentFieldsStayAnEmptyStringRemovesPhoneOrLocationAndOnlyNamesOrZonePublish() {
        Api.UserAccount user = api.newUser();
        api.as(user.token()).body(Map.of("phone", "+49 30 1234567", "location", "Berlin")).patch("/api/auth/me")
                .then().statusCode(200).body("first_name", equalTo("Zoë")).body("time_zone", equalTo("Europe/Berlin"));
        assertEquals(0, updates(user.id()), "phone and location are not in any email");
        api.as(user.token()).body(Map.of("phone", "", "location", "")).patch("/api/auth/me").then().statusCode(200)
                .body("phone", nullValue()).body("location", nullValue());
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("first_name", null);
        nulls.put("time_zone", null);
        api.as(user.token()).body(nulls).patch("/api/auth/me").then().statusCode(200)
                .body("first_name", equalTo("Zoë")).body("time_zone", equalTo("Europe/Berlin"));
        api.as(user.token()).body(Map.of()).patch("/api/auth/me").then().statusCode(200);
        // the same values again change nothing and publish nothing
        api.as(user.token()).body(Map.of("first_name", "Zoë", "time_zone", "Europe/Berlin")).patch("/api/auth/me")
                .then().statusCode(200);
        assertEquals(0, updates(user.id()));
    }

    @Test
    void badChangesAreRefusedAndChangeNothing() {
        Api.UserAccount user = api.newUser();
        api.as(user.token()).body(Map.of("first_name", "   ")).patch("/api/auth/me").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("first_name"));
        api.as(user.token()).body(Map.of("time_zone", "Mars/Olympus_Mons")).patch("/api/auth/me").then()
                .statusCode(400).body("errors[0].field", equalTo("time_zone"));
        api.as(user.token()).body(Map.of("phone", "call me")).patch("/api/auth/me").then().statusCode(400)
                .body("errors[0].field", equalTo("phone"));
        api.as(user.token()).body(Map.of("last_name", "x".repeat(101))).patch("/api/auth/me").then().statusCode(400);
        // no self-promotion: unknown fields are refused (an address change is EmailVerificationTest's)
        api.as(user.token()).body(Map.of("is_admin", true)).patch("/api/auth/me").then().statusCode(400)
                .body("errors[0].field", equalTo("is_admin"));
        api.as(user.token()).body(Map.of("role", "practice_admin")).patch("/api/auth/me").then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
        given().contentType(ContentType.JSON).body(Map.of("first_name", "Mallory")).patch("/api/auth/me").then()
                .statusCode(401);
        api.as(user.token()).get("/api/auth/me").then().statusCode(200).body("first_name", equalTo("Zoë"))
                .body("is_admin", equalTo(false)).body("email", equalTo(user.email()));
        assertEquals(0, updates(user.id()));
    }
}
