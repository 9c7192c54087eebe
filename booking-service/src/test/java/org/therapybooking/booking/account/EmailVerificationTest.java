package org.therapybooking.booking.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.EventContract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Verifying an address, and changing it (effective only once the new address is verified). Verification optional. */
@QuarkusTest
class EmailVerificationTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> verificationEvents(long userId) {
        return Db.query("select payload from outbox_event where aggregate_type = 'account' and aggregate_id = ? "
                + "and event_type = 'account.email_verification_requested' order by id", userId).stream().map(row -> {
                    try {
                        return JSON.readTree((String) row[0]);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    static String tokenOf(JsonNode event) {
        String url = event.path("verification").path("url").asText();
        return url.substring(url.indexOf("#token=") + 7);
    }

    static io.restassured.response.ValidatableResponse confirm(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/auth/email-verification/confirm").then();
    }

    @Test
    void withoutTheRequirementAClientBooksAndMayStillVerifyOnRequest() {
        Api.UserAccount client = api.newUser();
        assertEquals(List.of(), verificationEvents(client.id()), "nothing is sent at registration by default");
        api.as(client.token()).get("/api/auth/me").then().body("email_verified", equalTo(false));
        api.book(client.token(), api.slot(1)).statusCode(201);

        api.as(client.token()).post("/api/auth/email-verification").then().statusCode(202)
                .body("message", containsString("on its way"));
        JsonNode event = verificationEvents(client.id()).get(0);
        assertEquals(Set.of(), EventContract.violations(event));
        assertEquals(client.email(), event.path("verification").path("email").asText());
        confirm(tokenOf(event)).statusCode(200).body("email", equalTo(client.email()));
        api.as(client.token()).get("/api/auth/me").then().body("email_verified", equalTo(true));
        confirm(tokenOf(event)).statusCode(410);
        api.as(client.token()).post("/api/auth/email-verification").then().statusCode(202)
                .body("message", containsString("already confirmed"));
        // a verification link is not a password link, nor the other way round
        given().contentType(ContentType.JSON).body(Map.of("token", tokenOf(event), "password", "new-password-1"))
                .post("/api/auth/password-reset/confirm").then().statusCode(400);
    }

    @Test
    void aNewAddressTakesEffectOnlyWhenTheLinkSentToItIsUsed() throws Exception {
        Api.UserAccount client = api.newUser();
        Api.UserAccount other = api.newUser();
        String newEmail = "moved-" + UUID.randomUUID() + "@example.org";
        api.as(client.token()).body(Map.of("email", other.email())).patch("/api/auth/me").then().statusCode(409);
        api.as(client.token()).body(Map.of("email", "not an address")).patch("/api/auth/me").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
        api.as(client.token()).body(Map.of("email", newEmail, "first_name", "Moved")).patch("/api/auth/me").then()
                .statusCode(200).body("email", equalTo(client.email())).body("pending_email", equalTo(newEmail))
                .body("first_name", equalTo("Moved"));
        // until confirmed, the old address is the one to sign in with
        api.login(client.email(), Api.PASSWORD);
        api.loginResponse(newEmail, Api.PASSWORD).statusCode(401);

        JsonNode event = verificationEvents(client.id()).get(0);
        assertEquals(newEmail, event.path("verification").path("email").asText(), "sent to the new address");
        assertEquals(client.email(), event.path("account").path("email").asText());
        confirm(tokenOf(event)).statusCode(200).body("email", equalTo(newEmail));
        api.as(client.token()).get("/api/auth/me").then().statusCode(200).body("email", equalTo(newEmail))
                .body("pending_email", nullValue()).body("email_verified", equalTo(true));
        api.login(newEmail, Api.PASSWORD);
        api.loginResponse(client.email(), Api.PASSWORD).statusCode(401);
        // future emails go to the new address: notification-service hears it through account.updated
        JsonNode updated = JSON.readTree((String) Db.query("select payload from outbox_event where aggregate_type = "
                + "'account' and aggregate_id = ? and event_type = 'account.updated' order by id desc limit 1",
                client.id()).get(0)[0]);
        assertEquals(newEmail, updated.path("account").path("email").asText());
        confirm("x".repeat(43)).statusCode(400);
    }
}
