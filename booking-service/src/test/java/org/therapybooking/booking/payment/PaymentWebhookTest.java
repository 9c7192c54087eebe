package org.therapybooking.booking.payment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class PaymentWebhookTest extends IntegrationTest {

    private static final String SECRET = "whsec_test_only_secret";

    private static String event(String id, String type, long bookingId) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"data\":{\"object\":"
                + "{\"id\":\"pi_1\",\"amount\":10000,\"currency\":\"eur\",\"metadata\":{\"booking_id\":\"" + bookingId
                + "\"}}}}";
    }

    private static ValidatableResponse post(String body, String signature) {
        var request = given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request.post("/api/payments/webhook").then();
    }

    private static String sign(String body, long timestamp) {
        return WebhookSignature.header(timestamp, body.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    private long newBooking(Api.UserAccount user) {
        return api.bookingId(user.token(), api.slot(1));
    }

    @Test
    void aSignedSuccessMarksTheBookingPaidOnceAndEmitsBookingPaid() {
        Api.UserAccount user = api.newUser();
        long booking = newBooking(user);
        String body = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", booking);
        long now = Instant.now().getEpochSecond();
        post(body, sign(body, now)).statusCode(200).body("received", equalTo(true)).body("result", equalTo("applied"));
        api.as(user.token()).get("/api/bookings/" + booking).then().body("payment_status", equalTo("succeeded"));
        // the provider retries the same event: acknowledged, nothing changes
        post(body, sign(body, now + 1)).statusCode(200).body("result", equalTo("duplicate"));
        assertEquals(1, Db.count("select count(*) from outbox_event where aggregate_id = ? and event_type = ?",
                booking, "booking.paid"));
    }

    @Test
    void failureThenRefundFollowTheStateMachine() {
        Api.UserAccount user = api.newUser();
        long booking = newBooking(user);
        long now = Instant.now().getEpochSecond();
        String failed = event("evt_" + UUID.randomUUID(), "payment_intent.payment_failed", booking);
        post(failed, sign(failed, now)).statusCode(200).body("result", equalTo("applied"));
        api.as(user.token()).get("/api/bookings/" + booking).then().body("payment_status", equalTo("failed"));
        String refundTooEarly = event("evt_" + UUID.randomUUID(), "charge.refunded", booking);
        post(refundTooEarly, sign(refundTooEarly, now)).statusCode(200).body("result", equalTo("ignored"));
        String paid = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", booking);
        post(paid, sign(paid, now)).statusCode(200).body("result", equalTo("applied"));
        String refund = event("evt_" + UUID.randomUUID(), "charge.refunded", booking);
        post(refund, sign(refund, now)).statusCode(200).body("result", equalTo("applied"));
        api.as(user.token()).get("/api/bookings/" + booking).then().body("payment_status", equalTo("refunded"));
    }

    @Test
    void badSignaturesAreRefused() {
        long booking = newBooking(api.newUser());
        String body = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", booking);
        long now = Instant.now().getEpochSecond();
        post(body, null).statusCode(400).contentType("application/problem+json");
        post(body, "garbage").statusCode(400).contentType("application/problem+json");
        post(body, "t=" + now + ",v1=" + "00".repeat(32)).statusCode(401).contentType("application/problem+json");
        post(body, WebhookSignature.header(now, body.getBytes(StandardCharsets.UTF_8), "another-secret"))
                .statusCode(401);
        // a valid signature over a different body (tampering)
        post(body.replace("succeeded", "payment_failed"), sign(body, now)).statusCode(401);
        assertEquals("pending", Db.query("select payment_status from booking where id = ?", booking).get(0)[0]);
    }

    @Test
    void staleOrReplayedTimestampsAreRefused() {
        long booking = newBooking(api.newUser());
        String body = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", booking);
        long tenMinutesAgo = Instant.now().getEpochSecond() - 600;
        post(body, sign(body, tenMinutesAgo)).statusCode(401).contentType("application/problem+json")
                .body("detail", equalTo("The signature timestamp is outside the tolerance (replayed or stale)"));
        assertEquals("pending", Db.query("select payment_status from booking where id = ?", booking).get(0)[0]);
    }
}
