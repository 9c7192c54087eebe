package org.therapybooking.booking.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.ProblemType;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The login limits live in PostgreSQL, not in one replica's memory: what one limiter counted, another limiter (a
 * second replica: same database, its own instance) sees; keys are stored hashed; passed windows start again and
 * are purged.
 */
@QuarkusTest
class LoginLimitStoreTest extends IntegrationTest {

    @Inject
    EntityManager em;
    @Inject
    BookingConfig config;
    @Inject
    LimitWindows windows;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static int failedLogin(String email, String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client)
                .body(Map.of("email", email, "password", "wrong-password")).post("/api/auth/login").then()
                .extract().statusCode();
    }

    private static long attemptsOf(byte[] key) {
        return Db.count("select attempts from login_limit_window where key_hash = ?", (Object) key);
    }

    @Test
    void failuresOverHttpAreRowsInTheDatabaseUnderHashedKeys() {
        Api.UserAccount user = api.newUser();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, failedLogin(user.email(), "192.0.2.10"));
        }
        assertEquals(3, attemptsOf(LoginRateLimiter.accountKey(user.email().toUpperCase())));
        assertEquals(3, attemptsOf(LoginRateLimiter.clientKey("192.0.2.10")));
        // neither the e-mail nor the address is stored: every key is a 32-byte digest
        List<Object[]> rows = Db.query("select key_hash from login_limit_window");
        assertFalse(rows.isEmpty());
        for (Object[] row : rows) {
            byte[] key = (byte[]) row[0];
            assertEquals(32, key.length);
            String text = new String(key, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("@") && text.contains("example"), "a key looks like an e-mail");
        }
        // a right password forgives the account's failures; the client's attempts stay counted
        api.loginResponse(user.email(), Api.PASSWORD).statusCode(200);
        assertEquals(0, attemptsOf(LoginRateLimiter.accountKey(user.email())));
        assertEquals(3, attemptsOf(LoginRateLimiter.clientKey("192.0.2.10")));
    }

    @Test
    void anotherLimiterInstanceSeesTheCountOfTheFirst() {
        Api.UserAccount user = api.newUser();
        // failures through the service's own limiter, from five different clients
        for (int i = 0; i < 5; i++) {
            assertEquals(401, failedLogin(user.email(), "192.0.2." + (20 + i)));
        }
        // a second "replica": a limiter of its own, sharing only the database
        LoginRateLimiter otherReplica = new LoginRateLimiter(new LimitWindows(em, config, clock), config, clock);
        ApiException refused = assertThrows(ApiException.class,
                () -> otherReplica.checkAndCountAttempt(user.email(), "192.0.2.99"));
        assertEquals(ProblemType.TOO_MANY_REQUESTS, refused.type());
        // what the second replica counted for a fresh account, the service's limiter counts on from
        Api.UserAccount other = api.newUser();
        for (int i = 0; i < 4; i++) {
            otherReplica.checkAndCountAttempt(other.email(), "192.0.2." + (30 + i));
        }
        assertEquals(401, failedLogin(other.email(), "192.0.2.40"));
        assertEquals(429, failedLogin(other.email(), "192.0.2.41"));
        api.loginResponse(other.email(), Api.PASSWORD).statusCode(429);
    }

    @Test
    void aPassedWindowStartsAgainAndIsPurged() {
        Api.UserAccount user = api.newUser();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, failedLogin(user.email(), "192.0.2." + (50 + i)));
        }
        api.loginResponse(user.email(), Api.PASSWORD).statusCode(429);
        Duration window = config.login().window();
        clock.advanceTo(clock.instant().plus(window).plusSeconds(1));
        // the row of the passed window is deleted by the purge job (run here; it runs every eviction interval)
        windows.purgeExpired();
        assertEquals(0, attemptsOf(LoginRateLimiter.accountKey(user.email())));
        assertTrue(Db.count("select count(*) from login_limit_window where window_start <= ?",
                java.sql.Timestamp.from(clock.instant().minus(window))) == 0);
        // and the right password is accepted again
        api.loginResponse(user.email(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void anAttemptAfterThePassedWindowStartsTheCountAgainWithoutThePurge() {
        Api.UserAccount user = api.newUser();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, failedLogin(user.email(), "192.0.2." + (60 + i)));
        }
        clock.advanceTo(clock.instant().plus(config.login().window()).plusSeconds(1));
        assertEquals(401, failedLogin(user.email(), "192.0.2.70"));
        assertEquals(1, attemptsOf(LoginRateLimiter.accountKey(user.email())));
    }
}
