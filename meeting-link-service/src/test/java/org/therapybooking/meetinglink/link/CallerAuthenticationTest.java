package org.therapybooking.meetinglink.link;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.therapybooking.commons.problem.ProblemType;
import org.therapybooking.meetinglink.api.MeetingLinkApi;
import org.therapybooking.meetinglink.support.ServiceTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Only service callers get links: a token signed with booking-service's key, for this service's audience, in the
 * service group, neither expired nor issued in the future. Everything else is refused before any link is built.
 */
@QuarkusTest
class CallerAuthenticationTest {

    private static final String LINKS = MeetingLinkApi.PATH;
    private static final String BATCH = MeetingLinkApi.PATH + "/batch";
    private static final String ROOM = "booking-123-1795000000-k3x9q2m7";
    private static final Set<String> SERVICE = Set.of(MeetingLinkApi.CALLER_GROUP);

    private static ValidatableResponse link(RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(MeetingLinkResourceTest.body(ROOM, "client", "Zoë"))
                .post(LINKS).then();
    }

    private static ValidatableResponse batch(RequestSpecification request) {
        return request.contentType(ContentType.JSON)
                .body(Map.of("requests", List.of(MeetingLinkResourceTest.body(ROOM, "host", "Dana")))).post(BATCH).then();
    }

    private static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token);
    }

    private static String token(String audience, Set<String> groups, Instant iat) {
        return ServiceTokens.sign(ServiceTokens.claims("booking-service", audience, groups, iat));
    }

    private static void refused(String token, ProblemType type) {
        for (ValidatableResponse response : List.of(link(bearer(token)), batch(bearer(token)))) {
            response.statusCode(type.status()).contentType("application/problem+json")
                    .body("type", equalTo(type.uri()));
        }
    }

    @Test
    void aServiceTokenGetsLinks() {
        link(bearer(ServiceTokens.valid())).statusCode(200).body("role", equalTo("client"));
        batch(bearer(ServiceTokens.valid())).statusCode(200).body("links[0].role", equalTo("host"));
    }

    @Test
    void withoutATokenIsAnUnauthorizedProblem() {
        link(given()).statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(ProblemType.UNAUTHORIZED.uri()))
                .body("instance", equalTo(LINKS))
                .header("WWW-Authenticate", startsWith("Bearer"));
        batch(given()).statusCode(401).body("type", equalTo(ProblemType.UNAUTHORIZED.uri()));
        // a header that is not a bearer token is no token
        link(given().header("Authorization", "Basic Ym9va2luZzpzZWNyZXQ=")).statusCode(401);
        link(given().header("Authorization", "Bearer not-a-jwt")).statusCode(401);
    }

    @Test
    void anExpiredTokenIs401() {
        // issued an hour ago, expired 55 minutes ago: far beyond the clock skew
        refused(token(MeetingLinkApi.AUDIENCE, SERVICE, Instant.now().minusSeconds(3600)), ProblemType.UNAUTHORIZED);
    }

    @Test
    void aTokenIssuedInTheFutureIs401() {
        refused(token(MeetingLinkApi.AUDIENCE, SERVICE, Instant.now().plusSeconds(600)), ProblemType.UNAUTHORIZED);
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        refused(token("notification-service", SERVICE, Instant.now()), ProblemType.UNAUTHORIZED);
        refused(token(ServiceTokens.USER_AUDIENCE, SERVICE, Instant.now()), ProblemType.UNAUTHORIZED);
    }

    @Test
    void aUserTokenIsRefused() {
        // booking-service's user and admin tokens: the API's audience, no service group
        refused(token(ServiceTokens.USER_AUDIENCE, Set.of("user"), Instant.now()), ProblemType.UNAUTHORIZED);
        refused(token(ServiceTokens.USER_AUDIENCE, Set.of("user", "admin"), Instant.now()), ProblemType.UNAUTHORIZED);
        // even with this service's audience, a token outside the service group may not ask for links
        refused(token(MeetingLinkApi.AUDIENCE, Set.of("user", "admin"), Instant.now()), ProblemType.FORBIDDEN);
    }

    @Test
    void anUnsignedTokenIs401() {
        refused(ServiceTokens.unsigned(), ProblemType.UNAUTHORIZED);
    }

    @Test
    void aTokenOfAnotherIssuerOrKeyIs401() throws NoSuchAlgorithmException {
        JwtClaimsBuilder otherIssuer = ServiceTokens.claims("booking-service", MeetingLinkApi.AUDIENCE, SERVICE,
                Instant.now()).issuer("someone-else");
        refused(ServiceTokens.sign(otherIssuer), ProblemType.UNAUTHORIZED);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = ServiceTokens.claims("booking-service", MeetingLinkApi.AUDIENCE, SERVICE, Instant.now())
                .jws().keyId("test-key").sign(generator.generateKeyPair().getPrivate());
        refused(forged, ProblemType.UNAUTHORIZED);
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200);
    }

    @Test
    void verificationIsPinnedToRs256WithStrictKeyValidation() {
        Config config = ConfigProvider.getConfig();
        assertEquals("RS256", config.getValue("mp.jwt.verify.publickey.algorithm", String.class));
        assertFalse(config.getValue("smallrye.jwt.verify.relax-key-validation", Boolean.class));
        assertEquals(MeetingLinkApi.AUDIENCE, config.getValue("mp.jwt.verify.audiences", String.class));
    }
}
