package org.therapybooking.booking.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.booking.support.ServiceTokenVerifier;
import org.therapybooking.commons.problem.ProblemType;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * POST /internal/oauth/token: the client credentials grant that gives notification-service (and any other
 * configured internal caller) a short-lived service token for the one service it may call.
 */
@QuarkusTest
class ServiceTokenEndpointTest extends IntegrationTest {

    private static final String TOKEN = "/internal/oauth/token";
    /** The test-only secret whose SHA-256 the test profile configures. */
    private static final String SECRET = "test-only-notification-secret-0123456789abcdef";
    private static final String MEETING_LINK = "meeting-link-service";

    private static RequestSpecification client(String id, String secret) {
        return given().auth().preemptive().basic(id, secret).contentType("application/x-www-form-urlencoded");
    }

    private static ValidatableResponse oauthProblem(ValidatableResponse response, ProblemType type, String error) {
        return response.statusCode(type.status()).contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo(type.uri()))
                .body("title", equalTo(type.title()))
                .body("status", equalTo(type.status()))
                .body("instance", equalTo(TOKEN))
                .body("error", equalTo(error));
    }

    @Test
    void aClientGetsAServiceTokenThatMeetingLinkServiceAccepts() throws ParseException {
        String token = client("notification-service", SECRET).formParam("grant_type", "client_credentials")
                .post(TOKEN).then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(300))
                .body("access_token", notNullValue())
                .extract().path("access_token");
        JsonWebToken jwt = ServiceTokenVerifier.verifyFor(MEETING_LINK, token);
        assertEquals("therapy-booking", jwt.getIssuer());
        assertEquals(Set.of(MEETING_LINK), jwt.getAudience());
        assertEquals("notification-service", jwt.getSubject());
        assertEquals("notification-service", jwt.getClaim("client_id"));
        assertEquals(Set.of("service"), jwt.getGroups());
        assertEquals(300, jwt.getExpirationTime() - jwt.getIssuedAtTime());
        assertNotNull(jwt.getTokenID());
        // signed with the current key, named so that verifiers pick it from the JWKS
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertTrue(header.contains("\"kid\":\"test-key-1\""), header);
        assertTrue(header.contains("\"alg\":\"RS256\""), header);
    }

    @Test
    void aServiceTokenIsNoUserToken() {
        String token = client("notification-service", SECRET).formParam("grant_type", "client_credentials")
                .formParam("audience", MEETING_LINK).post(TOKEN).then().statusCode(200).extract().path("access_token");
        // booking-service's own API (and notification-service's admin API) verify the user-token audience
        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(401);
        assertThrows(ParseException.class, () -> ServiceTokenVerifier.verifyFor("therapy-booking-api", token));
    }

    @Test
    void aWrongSecretIs401() {
        oauthProblem(client("notification-service", SECRET + "x").formParam("grant_type", "client_credentials")
                .post(TOKEN).then(), ProblemType.UNAUTHORIZED, "invalid_client")
                .header("WWW-Authenticate", startsWith("Basic"));
    }

    @Test
    void anUnknownClientIs401() {
        oauthProblem(client("booking-admin", SECRET).formParam("grant_type", "client_credentials").post(TOKEN).then(),
                ProblemType.UNAUTHORIZED, "invalid_client");
    }

    @Test
    void withoutClientAuthenticationIs401() {
        oauthProblem(given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .post(TOKEN).then(), ProblemType.UNAUTHORIZED, "invalid_client");
        // credentials in the body (client_secret_post) are not accepted: HTTP Basic only
        oauthProblem(given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", "notification-service").formParam("client_secret", SECRET)
                .post(TOKEN).then(), ProblemType.UNAUTHORIZED, "invalid_client");
        // nor is a user's bearer token, not even an admin's
        oauthProblem(given().auth().oauth2(api.adminToken()).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").post(TOKEN).then(), ProblemType.UNAUTHORIZED,
                "invalid_client");
    }

    @Test
    void anAudienceTheClientMayNotHaveIs400() {
        for (String audience : new String[] { "therapy-booking-api", "notification-service", "anything" }) {
            oauthProblem(client("notification-service", SECRET).formParam("grant_type", "client_credentials")
                    .formParam("audience", audience).post(TOKEN).then(), ProblemType.VALIDATION, "invalid_target")
                    .body("errors[0].field", equalTo("audience"));
        }
    }

    @Test
    void aClientWithSeveralAudiencesNamesTheOneItWants() throws ParseException {
        oauthProblem(client("test-two-audiences", SECRET).formParam("grant_type", "client_credentials")
                .post(TOKEN).then(), ProblemType.VALIDATION, "invalid_request")
                .body("errors[0].field", equalTo("audience"));
        String token = client("test-two-audiences", SECRET).formParam("grant_type", "client_credentials")
                .formParam("audience", "notification-service").post(TOKEN).then().statusCode(200)
                .extract().path("access_token");
        assertEquals(Set.of("notification-service"), ServiceTokenVerifier.verifyFor("notification-service", token)
                .getAudience());
        assertThrows(ParseException.class, () -> ServiceTokenVerifier.verifyFor(MEETING_LINK, token));
    }

    @Test
    void onlyTheClientCredentialsGrant() {
        oauthProblem(client("notification-service", SECRET).formParam("grant_type", "password").post(TOKEN).then(),
                ProblemType.VALIDATION, "unsupported_grant_type").body("errors[0].field", equalTo("grant_type"));
        oauthProblem(client("notification-service", SECRET).formParam("audience", MEETING_LINK).post(TOKEN).then(),
                ProblemType.VALIDATION, "invalid_request").body("errors[0].field", equalTo("grant_type"));
    }
}
