package org.therapybooking.booking.account;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.booking.support.NotificationServiceStub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** GET /api/auth/me/export: everything about the caller, from both services, all or nothing. */
@QuarkusTest
class ExportTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void notificationServiceHolds(long userId, String email) {
        NotificationServiceStub.server().stubFor(get(urlEqualTo("/internal/people/" + userId)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(NotificationServiceStub.person(userId, email))));
    }

    @Test
    void aPersonExportsTheirAccountBookingsStaffAccessAndTheirEmails() throws Exception {
        Api.UserAccount client = api.newUser("Zoë \"Zo\" &", "O'Brien-שלום");
        api.as(client.token()).body(Map.of("phone", "+49 30 1234567")).patch("/api/auth/me").then().statusCode(200);
        long booking = api.as(client.token()).body(Map.of("schedule_id", api.slot(1), "notes", "first session 😀"))
                .post("/api/bookings").then().statusCode(201).extract().jsonPath().getLong("id");
        api.as(api.adminToken()).get("/api/bookings/" + booking).then().statusCode(200);
        notificationServiceHolds(client.id(), client.email());

        api.as(client.token()).get("/api/auth/me/export").then().statusCode(200)
                .body("exported_at", notNullValue())
                .body("account.email", equalTo(client.email())).body("account.first_name", equalTo("Zoë \"Zo\" &"))
                .body("account.phone", equalTo("+49 30 1234567"))
                .body("bookings[0].id", equalTo((int) booking)).body("bookings[0].notes", equalTo("first session 😀"))
                .body("bookings[0].amount", equalTo(100.0f))
                .body("staff_access.action", hasItem("booking.read"))
                .body("notification_service.notifications[0].kind", equalTo("meeting_info"))
                .body("notification_service.user_id", equalTo((int) client.id()));

        // asked with booking-service's own service token for notification-service, never the person's token
        var sent = NotificationServiceStub.server().findAll(getRequestedFor(urlEqualTo("/internal/people/" + client.id())));
        assertEquals(1, sent.size());
        String bearer = sent.get(0).getHeader("Authorization").substring("Bearer ".length());
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(bearer.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals("booking-service", claims.path("sub").asText());
        assertEquals("notification-service", claims.path("aud").isArray() ? claims.path("aud").get(0).asText()
                : claims.path("aud").asText());
        assertTrue(claims.path("groups").toString().contains("service"));
    }

    @Test
    void withoutNotificationServiceThereIsNoHalfExportStaffExportsAreAudited() {
        Api.UserAccount client = api.newUser();
        NotificationServiceStub.server().stubFor(get(urlEqualTo("/internal/people/" + client.id()))
                .willReturn(aResponse().withStatus(503)));
        api.as(client.token()).get("/api/auth/me/export").then().statusCode(503).header("Retry-After", "60")
                .contentType("application/problem+json");

        notificationServiceHolds(client.id(), client.email());
        Api.UserAccount other = api.newUser();
        api.as(other.token()).get("/api/admin/users/" + client.id() + "/export").then().statusCode(403);
        api.as(api.adminToken()).get("/api/admin/users/" + client.id() + "/export").then().statusCode(200)
                .body("account.id", equalTo((int) client.id()));
        api.as(api.adminToken()).queryParam("subject_user_id", client.id()).get("/api/admin/audit").then()
                .statusCode(200).body("entries[0].action", equalTo("account.export"));
        api.as(api.adminToken()).get("/api/admin/users/999999999/export").then().statusCode(404);
        api.as(client.token()).get("/api/auth/me").then().statusCode(200);
    }
}
