package org.therapybooking.meetinglink.jitsi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.therapybooking.meetinglink.TestConfigs;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;
import org.therapybooking.meetinglink.config.MeetingLinkConfig;
import org.therapybooking.meetinglink.link.MeetingLinkService;

/**
 * Tokens are verified with jose4j directly (not with the code that signs them): signature, claims, expiry.
 */
class JitsiTokenTest {

    private static final String ROOM = "Booking-123-1795000000-K3x9q2m7";
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant END = START.plusSeconds(3600);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final KeyPair RSA = TestKeys.rsa();

    private static MeetingLinkService selfHosted(String... extra) {
        String[] base = { "meeting-links.jitsi.base-url", "https://meet.example.org",
                "meeting-links.jitsi.auth-mode", "jwt",
                "meeting-links.token.app-id", "therapy_app",
                "meeting-links.token.secret", TestKeys.HS_SECRET };
        return TestConfigs.service(TestConfigs.config(concat(base, extra)), CLOCK);
    }

    private static MeetingLinkService jaas(String... extra) {
        String[] base = { "meeting-links.jitsi.base-url", "https://8x8.vc/vpaas-magic-cookie-abc",
                "meeting-links.jitsi.auth-mode", "jaas",
                "meeting-links.token.app-id", "vpaas-magic-cookie-abc",
                "meeting-links.token.key-id", "vpaas-magic-cookie-abc/4f4910",
                "meeting-links.token.private-key-location", TestKeys.writePkcs8Pem(RSA).toString() };
        return TestConfigs.service(TestConfigs.config(concat(base, extra)), CLOCK);
    }

    private static MeetingLinkRequest request(String role, boolean withSession) {
        return new MeetingLinkRequest(ROOM,
                new MeetingLinkRequest.Participant("45", "Zoë", "O'Brien", "zoe@example.org", null), role,
                withSession ? new MeetingLinkRequest.Session(START, 60) : null);
    }

    static String token(MeetingLinkResponse r) {
        String url = r.meetingUrl();
        int q = url.indexOf("?jwt=");
        assertTrue(q > 0, "token in the query: " + url);
        assertTrue(q < url.indexOf('#'), "query before the hash");
        return url.substring(q + 5, url.indexOf('#'));
    }

    private static JwtClaims verify(String token, Key key, String alg, String audience, Instant at) throws InvalidJwtException {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg)
                .setExpectedAudience(audience)
                .setRequireExpirationTime()
                .setRequireNotBefore()
                .setEvaluationTime(NumericDate.fromSeconds(at.getEpochSecond()))
                .build();
        return consumer.processToClaims(token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> user(JwtClaims claims) {
        return (Map<String, Object>) ((Map<String, Object>) claims.getClaimValue("context")).get("user");
    }

    @Test
    void selfHostedHostTokenIsOwnerBoundToTheSession() throws Exception {
        MeetingLinkResponse r = selfHosted().build(request("host", true));
        String token = token(r);
        SecretKeySpec key = new SecretKeySpec(TestKeys.HS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        JwtClaims c = verify(token, key, AlgorithmIdentifiers.HMAC_SHA256, "jitsi", START);

        assertEquals("therapy_app", c.getIssuer());
        assertEquals("meet.example.org", c.getSubject());
        assertEquals(ROOM.toLowerCase(), c.getStringClaimValue("room"));
        assertEquals(START.minusSeconds(15 * 60).getEpochSecond(), c.getNotBefore().getValue());
        assertEquals(END.plusSeconds(15 * 60).getEpochSecond(), c.getExpirationTime().getValue());
        assertEquals(NOW.getEpochSecond(), c.getIssuedAt().getValue());
        assertEquals(Map.of("id", "45", "name", "Zoë O'Brien", "affiliation", "owner"), user(c));
        assertTrue(r.moderatorGuaranteed());
        assertEquals(END.plusSeconds(15 * 60), r.expiresAt());
        assertEquals("Zoë O'Brien", JitsiHashParser.parse(r.meetingUrl()).hash().get("userInfo.displayName").textValue());
        assertEquals("?jwt=" + token, JitsiHashParser.parse(r.meetingUrl()).search());
    }

    @Test
    void clientTokenNeverCarriesOwnerOrModerator() throws Exception {
        SecretKeySpec key = new SecretKeySpec(TestKeys.HS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        for (String role : List.of("client", "observer", "presenter")) {
            MeetingLinkResponse r = selfHosted().build(request(role, true));
            JwtClaims c = verify(token(r), key, AlgorithmIdentifiers.HMAC_SHA256, "jitsi", START);
            assertEquals("member", user(c).get("affiliation"), role);
            assertFalse(c.hasClaim("moderator"));
            assertFalse(user(c).containsKey("moderator"));
            assertFalse(r.moderatorGuaranteed(), role);
            assertEquals(END.plusSeconds(15 * 60), r.expiresAt());
        }
    }

    @Test
    void tokenIsRejectedOutsideTheSessionWindow() throws Exception {
        SecretKeySpec key = new SecretKeySpec(TestKeys.HS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String token = token(selfHosted().build(request("host", true)));
        // jose4j allows no clock skew unless told: one second outside the window is enough
        assertThrows(InvalidJwtException.class,
                () -> verify(token, key, AlgorithmIdentifiers.HMAC_SHA256, "jitsi", END.plusSeconds(15 * 60 + 1)));
        assertThrows(InvalidJwtException.class,
                () -> verify(token, key, AlgorithmIdentifiers.HMAC_SHA256, "jitsi", START.minusSeconds(15 * 60 + 1)));
    }

    @Test
    void wrongSecretFailsVerification() {
        String token = token(selfHosted().build(request("client", true)));
        SecretKeySpec other = new SecretKeySpec("another-secret-of-at-least-32-bytes-xyz".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
        assertThrows(InvalidJwtException.class, () -> verify(token, other, AlgorithmIdentifiers.HMAC_SHA256, "jitsi", START));
    }

    @Test
    void graceAndEarlyJoinAreConfiguration() throws Exception {
        MeetingLinkResponse r = selfHosted("meeting-links.token.grace", "PT5M", "meeting-links.token.early-join", "PT2M")
                .build(request("client", true));
        SecretKeySpec key = new SecretKeySpec(TestKeys.HS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        JwtClaims c = verify(token(r), key, AlgorithmIdentifiers.HMAC_SHA256, "jitsi", START);
        assertEquals(END.plusSeconds(300).getEpochSecond(), c.getExpirationTime().getValue());
        assertEquals(START.minusSeconds(120).getEpochSecond(), c.getNotBefore().getValue());
    }

    @Test
    void withoutSessionTheTokenLivesTheDefaultTtl() throws Exception {
        MeetingLinkResponse r = selfHosted("meeting-links.token.default-ttl", "PT30M").build(request("host", false));
        SecretKeySpec key = new SecretKeySpec(TestKeys.HS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        JwtClaims c = verify(token(r), key, AlgorithmIdentifiers.HMAC_SHA256, "jitsi", NOW);
        assertEquals(NOW.plusSeconds(1800).getEpochSecond(), c.getExpirationTime().getValue());
        assertEquals(NOW.minusSeconds(60).getEpochSecond(), c.getNotBefore().getValue());
        assertEquals(NOW.plusSeconds(1800), r.expiresAt());
    }

    @Test
    void emailOnlyWhenConfigured() throws Exception {
        SecretKeySpec key = new SecretKeySpec(TestKeys.HS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        JwtClaims without = verify(token(selfHosted().build(request("client", true))), key,
                AlgorithmIdentifiers.HMAC_SHA256, "jitsi", START);
        assertFalse(user(without).containsKey("email"));
        JwtClaims with = verify(token(selfHosted("meeting-links.token.include-email", "true").build(request("client", true))),
                key, AlgorithmIdentifiers.HMAC_SHA256, "jitsi", START);
        assertEquals("zoe@example.org", user(with).get("email"));
    }

    @Test
    void tenantBecomesTheSubject() throws Exception {
        MeetingLinkResponse r = selfHosted("meeting-links.jitsi.base-url", "https://meet.example.org/Clinic")
                .build(request("client", true));
        SecretKeySpec key = new SecretKeySpec(TestKeys.HS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        assertEquals("clinic", verify(token(r), key, AlgorithmIdentifiers.HMAC_SHA256, "jitsi", START).getSubject());
    }

    @Test
    void jaasTokensAreRs256WithKidAndStringModeratorClaim() throws Exception {
        MeetingLinkService service = jaas();
        MeetingLinkResponse host = service.build(request("host", true));
        MeetingLinkResponse client = service.build(request("client", true));

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token(host));
        assertEquals("vpaas-magic-cookie-abc/4f4910", jws.getKeyIdHeaderValue());
        assertEquals("RS256", jws.getAlgorithmHeaderValue());

        JwtClaims h = verify(token(host), RSA.getPublic(), AlgorithmIdentifiers.RSA_USING_SHA256, "jitsi", START);
        assertEquals("chat", h.getIssuer());
        assertEquals("vpaas-magic-cookie-abc", h.getSubject());
        assertEquals(ROOM.toLowerCase(), h.getStringClaimValue("room"));
        assertNotEquals("*", h.getStringClaimValue("room"));
        assertEquals("true", user(h).get("moderator"));
        assertFalse(user(h).containsKey("affiliation"));
        assertEquals(END.plusSeconds(900).getEpochSecond(), h.getExpirationTime().getValue());
        assertTrue(host.moderatorGuaranteed());
        assertTrue(host.meetingUrl().startsWith("https://8x8.vc/vpaas-magic-cookie-abc/" + ROOM + "?jwt="));

        JwtClaims c = verify(token(client), RSA.getPublic(), AlgorithmIdentifiers.RSA_USING_SHA256, "jitsi", START);
        assertEquals("false", user(c).get("moderator"));
        assertFalse(client.moderatorGuaranteed());
    }

    @Test
    void jaasTokenSignedByAnotherKeyFails() {
        String token = token(jaas().build(request("host", true)));
        assertThrows(InvalidJwtException.class,
                () -> verify(token, TestKeys.rsa().getPublic(), AlgorithmIdentifiers.RSA_USING_SHA256, "jitsi", START));
    }

    @Test
    void expNeverLaterThanSessionEndPlusGrace() throws Exception {
        SecretKeySpec key = new SecretKeySpec(TestKeys.HS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        MeetingLinkService service = selfHosted();
        for (int minutes : new int[] { 1, 30, 50, 60, 90, 240, 1440 }) {
            for (String role : List.of("client", "host")) {
                MeetingLinkResponse r = service.build(new MeetingLinkRequest(ROOM,
                        new MeetingLinkRequest.Participant("1", "A", "B", null, null), role,
                        new MeetingLinkRequest.Session(START, minutes)));
                Instant limit = START.plusSeconds(minutes * 60L + 900);
                JwtClaims c = verify(token(r), key, AlgorithmIdentifiers.HMAC_SHA256, "jitsi", START);
                assertTrue(c.getExpirationTime().getValue() <= limit.getEpochSecond());
                assertFalse(r.expiresAt().isAfter(limit));
            }
        }
    }

    @Test
    void publicModeIssuesNoToken() {
        MeetingLinkResponse r = TestConfigs.service(TestConfigs.config(), CLOCK).build(request("host", true));
        assertFalse(r.meetingUrl().contains("jwt"));
        assertFalse(r.moderatorGuaranteed());
        assertNull(r.expiresAt());
    }

    @Test
    void misconfigurationFailsAtStartup() {
        assertThrows(IllegalArgumentException.class, () -> TestConfigs.service(
                "meeting-links.jitsi.auth-mode", "jwt", "meeting-links.token.app-id", "x"));
        assertThrows(IllegalArgumentException.class, () -> TestConfigs.service(
                "meeting-links.jitsi.auth-mode", "jwt", "meeting-links.token.app-id", "x",
                "meeting-links.token.secret", "too-short"));
        assertThrows(IllegalArgumentException.class, () -> TestConfigs.service(
                "meeting-links.jitsi.auth-mode", "jaas", "meeting-links.token.app-id", "x",
                "meeting-links.token.key-id", "x/y", "meeting-links.token.private-key-location", "/nonexistent.pem"));
        MeetingLinkConfig noKeyId = TestConfigs.config("meeting-links.jitsi.auth-mode", "jaas",
                "meeting-links.token.app-id", "x",
                "meeting-links.token.private-key-location", TestKeys.writePkcs8Pem(RSA).toString());
        assertThrows(IllegalArgumentException.class, () -> TestConfigs.service(noKeyId, CLOCK));
    }

    @Test
    void tokenToStringIsRedacted() {
        ParticipantToken t = new ParticipantToken("secret.token.value", NOW);
        assertFalse(t.toString().contains("secret.token.value"));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
