package org.therapybooking.booking.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With booking.email-verification.required: the link goes out at registration, and a first booking waits for it. */
@QuarkusTest
@TestProfile(EmailVerificationRequiredTest.Required.class)
class EmailVerificationRequiredTest extends IntegrationTest {

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("booking.email-verification.required", "true");
        }
    }

    @Test
    void aClientBooksOnlyOnceTheAddressIsConfirmed() {
        Api.UserAccount client = api.newUser();
        List<JsonNode> sent = EmailVerificationTest.verificationEvents(client.id());
        assertEquals(1, sent.size(), "the link goes out with the registration");
        long slot = api.slot(1);
        api.book(client.token(), slot).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("confirm your e-mail address"));
        EmailVerificationTest.confirm(EmailVerificationTest.tokenOf(sent.get(0))).statusCode(200);
        api.book(client.token(), slot).statusCode(201);
    }

    @Test
    void aPasswordResetLinkAlsoConfirmsTheAddress() {
        Api.UserAccount client = api.newUser();
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.98.0.1").body(Map.of("email", client.email()))
                .post("/api/auth/password-reset").then().statusCode(202);
        String url = (String) org.therapybooking.booking.support.Db.query("select payload::json->'reset'->>'url' from "
                + "outbox_event where aggregate_type = 'account' and aggregate_id = ? and event_type = "
                + "'account.password_reset_requested'", client.id()).get(0)[0];
        given().contentType(ContentType.JSON).body(Map.of("token", url.substring(url.indexOf("#token=") + 7),
                "password", "another-password-1")).post("/api/auth/password-reset/confirm").then().statusCode(200);
        String token = api.login(client.email(), "another-password-1");
        api.book(token, api.slot(1)).statusCode(201);
    }
}
