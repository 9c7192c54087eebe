package org.therapybooking.meetinglink.link;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.therapybooking.meetinglink.support.ServiceTokens.asService;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.therapybooking.meetinglink.jitsi.TestKeys;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Self-hosted token mode over real HTTP: honest moderator flag, verifiable tokens, and no token in any log. */
@QuarkusTest
@TestProfile(TokenModeResourceTest.SelfHostedJwt.class)
class TokenModeResourceTest {

    public static class SelfHostedJwt implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "meeting-links.jitsi.base-url", "https://meet.example.org",
                    "meeting-links.jitsi.auth-mode", "jwt",
                    "meeting-links.token.app-id", "therapy_app",
                    "meeting-links.token.secret", TestKeys.HS_SECRET,
                    "quarkus.log.level", "DEBUG",
                    "quarkus.log.console.level", "INFO");
        }
    }

    private static final String ROOM = "booking-123-1795000000-k3x9q2m7";
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void hostGetsAGuaranteedModeratorTokenClientDoesNot() throws Exception {
        CapturingHandler logs = CapturingHandler.install();
        try {
            Map<String, Object> host = asService().contentType(ContentType.JSON)
                    .body(MeetingLinkResourceTest.body(ROOM, "host", "Ada"))
                    .post("/api/meeting-links")
                    .then().statusCode(200)
                    .body("moderator_guaranteed", equalTo(true))
                    .body("expires_at", equalTo("2026-12-01T11:15:00Z"))
                    .extract().as(Map.class);
            Map<String, Object> client = asService().contentType(ContentType.JSON)
                    .body(MeetingLinkResourceTest.body(ROOM, "client", "Zoë"))
                    .post("/api/meeting-links")
                    .then().statusCode(200)
                    .body("moderator_guaranteed", equalTo(false))
                    .body("expires_at", equalTo("2026-12-01T11:15:00Z"))
                    .extract().as(Map.class);
            List<Map<String, Object>> batch = asService().contentType(ContentType.JSON)
                    .body(Map.of("requests", List.of(MeetingLinkResourceTest.body(ROOM, "client", "B1"),
                            MeetingLinkResourceTest.body(ROOM, "host", "B2"))))
                    .post("/api/meeting-links/batch")
                    .then().statusCode(200).extract().jsonPath().getList("links");
            // an error path too: errors must not echo request data or tokens either
            asService().contentType(ContentType.JSON).body(MeetingLinkResourceTest.body("https://evil.example/x", "host", "E"))
                    .post("/api/meeting-links").then().statusCode(400);

            JwtClaims hostClaims = verify(token((String) host.get("meeting_url")));
            JwtClaims clientClaims = verify(token((String) client.get("meeting_url")));
            assertEquals("owner", user(hostClaims).get("affiliation"));
            assertEquals("member", user(clientClaims).get("affiliation"));
            assertEquals(ROOM, clientClaims.getStringClaimValue("room"));
            assertEquals("meet.example.org", clientClaims.getSubject());
            assertEquals(false, batch.get(0).get("moderator_guaranteed"));
            assertEquals(true, batch.get(1).get("moderator_guaranteed"));

            Logger.getLogger(TokenModeResourceTest.class).info("log-capture-marker");
            List<String> tokens = List.of(token((String) host.get("meeting_url")), token((String) client.get("meeting_url")),
                    token((String) batch.get(0).get("meeting_url")), token((String) batch.get(1).get("meeting_url")));
            assertTrue(logs.messages().stream().anyMatch(m -> m.contains("log-capture-marker")), "capture works");
            for (String message : logs.messages()) {
                for (String token : tokens) {
                    assertFalse(message.contains(token), "token in a log line: " + message);
                    // the signature part alone must not leak either
                    assertFalse(message.contains(token.substring(token.lastIndexOf('.') + 1)), message);
                }
                assertFalse(message.contains(TestKeys.HS_SECRET), "secret in a log line");
            }
        } finally {
            logs.uninstall();
        }
    }

    private static String token(String url) {
        return url.substring(url.indexOf("?jwt=") + 5, url.indexOf('#'));
    }

    private static JwtClaims verify(String token) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKey(new SecretKeySpec(TestKeys.HS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setExpectedAudience("jitsi")
                .setExpectedIssuer("therapy_app")
                .setEvaluationTime(NumericDate.fromSeconds(START.getEpochSecond()))
                .build().processToClaims(token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> user(JwtClaims claims) {
        return (Map<String, Object>) ((Map<String, Object>) claims.getClaimValue("context")).get("user");
    }

    /**
     * Receives every record the root logger sees (DEBUG and up in this profile), except those of the test's HTTP
     * client: the service and the test share one JVM.
     */
    static final class CapturingHandler extends Handler {
        private final List<String> messages = new ArrayList<>();

        static CapturingHandler install() {
            CapturingHandler h = new CapturingHandler();
            h.setLevel(Level.ALL);
            java.util.logging.Logger.getLogger("").addHandler(h);
            return h;
        }

        void uninstall() {
            java.util.logging.Logger.getLogger("").removeHandler(this);
        }

        synchronized List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.apache.http")) {
                return; // rest-assured's own HTTP client (the test side) logs the wire at DEBUG
            }
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    text.append(' ').append(p);
                }
            }
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                text.append(' ').append(t);
            }
            messages.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
