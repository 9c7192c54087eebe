package org.therapybooking.booking.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.booking.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TokenVerificationTest extends IntegrationTest {

    private void rejected(String token) {
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
    }

    @Test
    void aTokenSignedWithTheTestKeyIsAccepted() {
        Api.UserAccount user = api.newUser();
        given().auth().oauth2(Tokens.signWithTestKey(Tokens.claims(user.id(), false))).get("/api/auth/me").then()
                .statusCode(200).body("id", equalTo((int) user.id()));
    }

    @Test
    void expiredTokenIsRejected() {
        Api.UserAccount user = api.newUser();
        Instant past = Instant.now().minusSeconds(3600);
        rejected(Tokens.signWithTestKey(Tokens.claims(user.id(), false).issuedAt(past.minusSeconds(600))
                .expiresAt(past)));
    }

    @Test
    void tokenIssuedInTheFutureIsRejected() {
        Api.UserAccount user = api.newUser();
        Instant tomorrow = Instant.now().plusSeconds(86_400);
        rejected(Tokens.signWithTestKey(Tokens.claims(user.id(), false).issuedAt(tomorrow)
                .expiresAt(tomorrow.plusSeconds(3600))));
    }

    @Test
    void tokenIssuedWithinTheClockSkewIsAccepted() {
        Api.UserAccount user = api.newUser();
        Instant soon = Instant.now().plusSeconds(20);
        given().auth().oauth2(Tokens.signWithTestKey(Tokens.claims(user.id(), false).issuedAt(soon)
                .expiresAt(soon.plusSeconds(3600)))).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejected() {
        Api.UserAccount user = api.newUser();
        rejected(Tokens.sign(Tokens.claims(user.id(), true), "test-keys/test-only-forger-private.pem", "test-key-1"));
    }

    @Test
    void wrongIssuerIsRejected() {
        Api.UserAccount user = api.newUser();
        rejected(Tokens.signWithTestKey(Tokens.claims(user.id(), false).issuer("https://evil.example")));
    }

    @Test
    void wrongAudienceIsRejected() {
        Api.UserAccount user = api.newUser();
        rejected(Tokens.signWithTestKey(Tokens.claims(user.id(), false).audience("some-other-api")));
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        Api.UserAccount user = api.newUser();
        rejected(Tokens.unsigned(user.id(), true));
    }

    @Test
    void garbageBearerIsRejected() {
        rejected("not.a.jwt");
    }

    @Test
    void nonAdminGets403OnEveryAdminEndpoint() {
        Api.UserAccount user = api.newUser();
        api.as(user.token()).get("/api/admin/bookings").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        api.as(user.token()).get("/api/admin/schedules").then().statusCode(403);
        api.as(user.token()).body("{\"starts_at\":\"2030-01-01T10:00:00Z\",\"ends_at\":\"2030-01-01T11:00:00Z\","
                + "\"capacity\":1,\"amount\":\"10.00\",\"currency\":\"EUR\"}").post("/api/admin/schedules").then()
                .statusCode(403);
        api.as(user.token()).body("{}").put("/api/admin/schedules/1").then().statusCode(403);
        api.as(user.token()).post("/api/admin/bookings/1/cancel").then().statusCode(403);
    }

    @Test
    void anonymousGets401OnAdminAndBookingEndpoints() {
        given().get("/api/admin/bookings").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/bookings").then().statusCode(401);
        given().get("/api/meetings/1/link").then().statusCode(401);
    }
}
