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
        return event(id, type, bookingId, "10000", "\"eur\"");
    }

    /** {@code amount} and {@code currency} as raw JSON values (the slots of {@link Api#slot} cost 100.00 EUR). */
    private static String event(String id, String type, long bookingId, String amount, String currency) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"type\":\"" + type + "\",\"data\":{\"object\":"
                + "{\"id\":\"pi_1\",\"amount\":" + amount + ",\"currency\":" + currency
                + ",\"metadata\":{\"booking_id\":\"" + bookingId + "\"}}}}";
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
        assertEquals(1, paidEvents(booking));
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
    void aPaymentWhoseAmountOrCurrencyDiffersFromTheBookingIsRefusedAndNothingIsRecorded() {
        Api.UserAccount user = api.newUser();
        long booking = newBooking(user);
        long now = Instant.now().getEpochSecond();
        String id = "evt_" + UUID.randomUUID();
        for (String[] money : new String[][] {{"100", "\"eur\""}, {"9999", "\"eur\""}, {"10000", "\"usd\""},
                {"1000000", "\"eur\""}}) {
            String body = event(id, "payment_intent.succeeded", booking, money[0], money[1]);
            post(body, sign(body, now)).statusCode(422).contentType("application/problem+json")
                    .body("status", equalTo(422))
                    .body("detail", equalTo("The payment's amount or currency does not match the booking"));
        }
        // a payment event without a usable amount or currency is malformed
        for (String[] money : new String[][] {{"null", "\"eur\""}, {"\"10000\"", "\"eur\""}, {"100.00", "\"eur\""},
                {"10000", "null"}, {"10000", "\"euro\""}}) {
            String body = event(id, "payment_intent.succeeded", booking, money[0], money[1]);
            post(body, sign(body, now)).statusCode(400).contentType("application/problem+json");
        }
        assertEquals("pending", Db.query("select payment_status from booking where id = ?", booking).get(0)[0]);
        assertEquals(0, Db.count("select count(*) from payment_webhook_event where provider_event_id = ?", id));
        assertEquals(0, paidEvents(booking));
        // nothing was recorded, so the event id is not burnt: the right amount (currency in any case) applies
        String right = event(id, "payment_intent.succeeded", booking, "10000", "\"EUR\"");
        post(right, sign(right, now)).statusCode(200).body("result", equalTo("applied"));
        assertEquals(1, paidEvents(booking));
    }

    @Test
    void aPaymentForACancelledBookingIsRecordedButPublishesNoBookingPaid() {
        Api.UserAccount user = api.newUser();
        long booking = newBooking(user);
        api.as(user.token()).post("/api/bookings/" + booking + "/cancel").then().statusCode(200);
        String body = event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", booking);
        post(body, sign(body, Instant.now().getEpochSecond())).statusCode(200).body("result", equalTo("applied"));
        // the money was taken: the booking shows it (a refund is owed), but nobody is told "paid"
        api.as(user.token()).get("/api/bookings/" + booking).then().body("status", equalTo("cancelled"))
                .body("payment_status", equalTo("succeeded"));
        assertEquals(0, paidEvents(booking));
        // the refund then follows the normal path
        String refund = event("evt_" + UUID.randomUUID(), "charge.refunded", booking);
        post(refund, sign(refund, Instant.now().getEpochSecond())).statusCode(200).body("result", equalTo("applied"));
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

    private static long paidEvents(long booking) {
        return Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and event_type = ?", booking,
                "booking.paid");
    }
}
