package org.therapybooking.booking.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static WebhookSignature.Outcome verify(String header) {
        return WebhookSignature.verify(header, BODY, "secret", NOW, TOLERANCE);
    }

    @Test
    void matchesStripesConstruction() {
        // printf '%s' '1700000000.{"id":"evt_1"}' | openssl dgst -sha256 -hmac secret
        assertEquals("t=1700000000,v1=af784f27423c462e20039559cd4264140f7b7ed4c9090e26fd663faa5eeb8dda",
                WebhookSignature.header(1700000000L, BODY, "secret"));
    }

    @Test
    void validWithinTolerance() {
        long t = NOW.getEpochSecond() - 299;
        assertEquals(WebhookSignature.Outcome.VALID, verify(WebhookSignature.header(t, BODY, "secret")));
    }

    @Test
    void outsideTolerance() {
        long t = NOW.getEpochSecond() - 301;
        assertEquals(WebhookSignature.Outcome.OUTSIDE_TOLERANCE, verify(WebhookSignature.header(t, BODY, "secret")));
        long future = NOW.getEpochSecond() + 301;
        assertEquals(WebhookSignature.Outcome.OUTSIDE_TOLERANCE,
                verify(WebhookSignature.header(future, BODY, "secret")));
    }

    @Test
    void oneOfSeveralV1SignaturesMayMatch() {
        long t = NOW.getEpochSecond();
        String good = WebhookSignature.header(t, BODY, "secret").split(",")[1];
        assertEquals(WebhookSignature.Outcome.VALID, verify("t=" + t + ",v1=" + "ab".repeat(32) + "," + good));
    }

    @Test
    void malformedHeaders() {
        assertEquals(WebhookSignature.Outcome.MALFORMED, verify(null));
        assertEquals(WebhookSignature.Outcome.MALFORMED, verify(""));
        assertEquals(WebhookSignature.Outcome.MALFORMED, verify("v1=abc"));
        assertEquals(WebhookSignature.Outcome.MALFORMED, verify("t=notanumber,v1=abc"));
        assertEquals(WebhookSignature.Outcome.MALFORMED, verify("t=1"));
    }

    @Test
    void wrongSecretOrNonHex() {
        long t = NOW.getEpochSecond();
        assertEquals(WebhookSignature.Outcome.BAD_SIGNATURE, verify(WebhookSignature.header(t, BODY, "other")));
        assertEquals(WebhookSignature.Outcome.BAD_SIGNATURE, verify("t=" + t + ",v1=zz"));
    }
}
