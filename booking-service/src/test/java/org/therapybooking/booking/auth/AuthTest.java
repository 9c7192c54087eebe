package org.therapybooking.booking.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.IntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AuthTest extends IntegrationTest {

    private static final String UGLY_FIRST = "Zoë \"Zo\" <b>&amp;</b> #1 😀";
    private static final String UGLY_LAST = "O'Brien-שלום مرحبا";

    private Map<String, Object> registration(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("first_name", "Ada");
        body.put("last_name", "Lovelace");
        body.put("email", email);
        body.put("password", Api.PASSWORD);
        body.put("time_zone", "America/New_York");
        return body;
    }

    @Test
    void registerCreatesAPlainUserAndHidesThePassword() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        given().contentType(ContentType.JSON).body(registration(email)).post("/api/auth/register").then()
                .statusCode(201)
                .body("id", greaterThan(0)).body("email", equalTo(email)).body("first_name", equalTo("Ada"))
                .body("time_zone", equalTo("America/New_York")).body("is_admin", is(false))
                .body("groups", containsInAnyOrder("user")).body("password", nullValue())
                .body("password_hash", nullValue());
    }

    @Test
    void registerWithTheOriginalBodySignsInAndStoresPhoneAndLocation() {
        String email = "orig-" + UUID.randomUUID() + "@example.org";
        Map<String, Object> body = Map.of("first_name", "John", "last_name", "Doe", "email", email,
                "phone", "+1 (555) 123-4567", "location", "Portland, OR", "password", Api.PASSWORD);
        var answer = given().contentType(ContentType.JSON).body(body).post("/api/auth/register").then()
                .statusCode(201)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(86400))
                .body("user.email", equalTo(email)).body("user.phone", equalTo("+1 (555) 123-4567"))
                .body("user.location", equalTo("Portland, OR")).body("user.is_admin", is(false))
                // no time_zone sent: the practice's (UTC in the test profile) was taken, and the answer says so
                .body("user.time_zone", equalTo("UTC")).body("time_zone", equalTo("UTC"))
                .extract();
        String token = answer.path("access_token");
        assertEquals(token, answer.path("token"));
        // the token works right away, and the account shows what was stored
        api.as(token).get("/api/auth/me").then().statusCode(200)
                .body("phone", equalTo("+1 (555) 123-4567")).body("location", equalTo("Portland, OR"))
                .body("id", equalTo(answer.path("user.id")));
    }

    @Test
    void aPhoneNumberThatIsNotOneIsRefusedWithAClearMessage() {
        for (String phone : List.of("call me", "12345", "+49 30 1234 5678 9012 345", "++49301234567")) {
            Map<String, Object> body = registration("phone-" + UUID.randomUUID() + "@example.org");
            body.put("phone", phone);
            given().contentType(ContentType.JSON).body(body).post("/api/auth/register").then()
                    .statusCode(400).body("errors[0].field", equalTo("phone"))
                    .body("errors[0].message", containsString("phone number"));
        }
        Map<String, Object> body = registration("loc-" + UUID.randomUUID() + "@example.org");
        body.put("location", "x".repeat(201));
        given().contentType(ContentType.JSON).body(body).post("/api/auth/register").then()
                .statusCode(400).body("errors[0].field", equalTo("location"));
    }

    @Test
    void emailIsUniqueRegardlessOfCase() {
        String email = "Case-" + UUID.randomUUID() + "@Example.org";
        given().contentType(ContentType.JSON).body(registration(email)).post("/api/auth/register").then()
                .statusCode(201);
        given().contentType(ContentType.JSON).body(registration(email.toLowerCase())).post("/api/auth/register")
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
    }

    @Test
    void invalidRegistrationListsEveryBadField() {
        Map<String, Object> body = new HashMap<>();
        body.put("first_name", " ");
        body.put("last_name", "x".repeat(101));
        body.put("email", "not-an-email");
        body.put("password", "short");
        body.put("time_zone", "Europe/Berlin");
        given().contentType(ContentType.JSON).body(body).post("/api/auth/register").then()
                .statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("type", equalTo("urn:therapy-booking:problem:validation"))
                .body("errors.field", containsInAnyOrder("first_name", "last_name", "email", "password"))
                .body("errors.message", everyItem(notNullValue()));
    }

    @Test
    void unknownTimeZoneIsRefused() {
        Map<String, Object> body = registration("tz-" + UUID.randomUUID() + "@example.org");
        body.put("time_zone", "Mars/Olympus_Mons");
        given().contentType(ContentType.JSON).body(body).post("/api/auth/register").then()
                .statusCode(400).body("errors[0].field", equalTo("time_zone"));
    }

    @Test
    void registrationCannotCreateAnAdmin() {
        for (String field : List.of("role", "groups", "is_admin", "admin")) {
            String email = "sneaky-" + UUID.randomUUID() + "@example.org";
            Map<String, Object> body = registration(email);
            body.put(field, field.equals("groups") ? List.of("admin") : field.equals("role") ? "admin" : true);
            given().contentType(ContentType.JSON).body(body).post("/api/auth/register").then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
            // nothing was created: the same e-mail registers normally afterwards, as a plain user
            given().contentType(ContentType.JSON).body(registration(email)).post("/api/auth/register").then()
                    .statusCode(201).body("is_admin", is(false));
        }
    }

    @Test
    void loginIssuesAnRs256TokenWithIssuerAudienceGroupsAndKid() throws Exception {
        Api.UserAccount user = api.newUser();
        var response = given().contentType(ContentType.JSON)
                .body(Map.of("email", user.email().toUpperCase(), "password", Api.PASSWORD))
                .post("/api/auth/login").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(86400))
                .body("user.id", equalTo((int) user.id())).body("user.email", equalTo(user.email())).extract();
        assertEquals(response.path("access_token").toString(), response.path("token"), "token is the same JWT");
        String[] parts = response.path("access_token").toString().split("\\.");
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("RS256", header.path("alg").asText());
        assertEquals("test-key-1", header.path("kid").asText());
        assertEquals("therapy-booking", claims.path("iss").asText());
        assertTrue(claims.path("aud").toString().contains("therapy-booking-api"));
        assertEquals(String.valueOf(user.id()), claims.path("sub").asText());
        assertEquals(user.email(), claims.path("upn").asText());
        assertEquals("[\"user\"]", claims.path("groups").toString());
        assertTrue(claims.path("exp").asLong() > claims.path("iat").asLong());
        assertTrue(!claims.path("jti").asText().isEmpty());
    }

    @Test
    void seededAdminGetsTheAdminGroup() {
        api.as(api.adminToken()).get("/api/auth/me").then().statusCode(200)
                .body("email", equalTo(Api.ADMIN_EMAIL)).body("is_admin", is(true))
                .body("groups", containsInAnyOrder("user", "admin", "practice_admin")).body("first_name", equalTo("Dana"));
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSame401() {
        Api.UserAccount user = api.newUser();
        given().contentType(ContentType.JSON).body(Map.of("email", user.email(), "password", "wrong password"))
                .post("/api/auth/login").then().statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("E-mail or password is wrong"));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "whatever1"))
                .post("/api/auth/login").then().statusCode(401).body("detail", equalTo("E-mail or password is wrong"));
    }

    @Test
    void repeatedFailuresLockTheAccountWith429AndRetryAfter() {
        Api.UserAccount user = api.newUser();
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("email", user.email(), "password", "wrong-" + i))
                    .post("/api/auth/login").then().statusCode(401);
        }
        // even the right password is refused while the account is over its budget
        given().contentType(ContentType.JSON).body(Map.of("email", user.email(), "password", Api.PASSWORD))
                .post("/api/auth/login").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
    }

    @Test
    void oneClientIsLimitedAcrossAccounts() {
        // %test allows 20 attempts per client and window; this client (a forwarded address) uses them up
        String client = "203.0.113." + (int) (Math.random() * 200 + 1);
        int status = 0;
        int attempts = 0;
        while (attempts < 30 && status != 429) {
            status = given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                    .body(Map.of("email", "x" + attempts + "@example.org", "password", "wrong-pass"))
                    .post("/api/auth/login").then().extract().statusCode();
            attempts++;
        }
        assertEquals(429, status);
        assertEquals(21, attempts);
        // another client is unaffected
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.7")
                .body(Map.of("email", "y@example.org", "password", "wrong-pass"))
                .post("/api/auth/login").then().statusCode(401);
    }

    @Test
    void uglyNamesRoundTripThroughRegisterAndMe() {
        Api.UserAccount user = api.newUser(UGLY_FIRST, UGLY_LAST);
        api.as(user.token()).get("/api/auth/me").then().statusCode(200)
                .body("first_name", equalTo(UGLY_FIRST)).body("last_name", equalTo(UGLY_LAST));
        assertTrue(UGLY_FIRST.getBytes(StandardCharsets.UTF_8).length > UGLY_FIRST.length());
    }

    @Test
    void jwksPublishesTheCurrentAndThePreviousKey() {
        given().get("/api/auth/jwks").then().statusCode(200)
                .body("keys.kid", containsInAnyOrder("test-key-1", "test-key-0"))
                .body("keys.kty", everyItem(equalTo("RSA"))).body("keys.alg", everyItem(equalTo("RS256")))
                .body("keys.use", everyItem(equalTo("sig"))).body("keys.n", everyItem(notNullValue()))
                .body("keys.e", hasItem("AQAB"));
    }

    @Test
    void meNeedsAToken() {
        given().get("/api/auth/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }
}
