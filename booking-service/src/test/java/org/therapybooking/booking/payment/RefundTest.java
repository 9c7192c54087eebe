package org.therapybooking.booking.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.booking.support.StripeStub;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** An admin refunds, through Stripe, a booking where money is owed: cancelled and paid. */
@QuarkusTest
class RefundTest extends IntegrationTest {

    /** A booking paid through intent and confirm (intent id {@code pi_<booking>r}). */
    private long paidBooking(Api.UserAccount user) {
        long booking = api.bookingId(user.token(), api.slot(1));
        String id = intentId(booking);
        StripeStub.onCreateIntent(booking, StripeStub.intent(id, "requires_payment_method", 10000, "eur", booking));
        api.as(user.token()).body(Map.of("booking_id", booking)).post("/api/payments/intent").then().statusCode(200);
        StripeStub.onRetrieveIntent(id, StripeStub.intent(id, "succeeded", 10000, "eur", booking));
        api.as(user.token()).body(Map.of("payment_intent_id", id)).post("/api/payments/confirm").then()
                .statusCode(200).body("payment_status", equalTo("succeeded"));
        return booking;
    }

    private static String intentId(long booking) {
        return "pi_" + booking + "r";
    }

    private ValidatableResponse refund(String token, long booking) {
        return api.as(token).post("/api/admin/bookings/" + booking + "/refund").then();
    }

    private static List<LoggedRequest> refundsSent(long booking) {
        return StripeStub.server().findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withFormParam("payment_intent", WireMock.equalTo(intentId(booking))));
    }

    @Test
    void aCancelledPaidBookingIsRefundedThroughStripeOnce() {
        Api.UserAccount user = api.newUser();
        long booking = paidBooking(user);
        api.as(user.token()).post("/api/bookings/" + booking + "/cancel").then().statusCode(200);
        StripeStub.onRefund(intentId(booking),
                StripeStub.refund("re_" + booking, "succeeded", intentId(booking), 10000, "eur", booking));

        refund(api.adminToken(), booking).statusCode(200).body("booking_id", equalTo((int) booking))
                .body("refund_id", equalTo("re_" + booking)).body("status", equalTo("succeeded"))
                .body("payment_status", equalTo("refunded"));
        api.as(user.token()).get("/api/bookings/" + booking).then().body("payment_status", equalTo("refunded"));

        List<LoggedRequest> sent = refundsSent(booking);
        assertEquals(1, sent.size());
        assertEquals(String.valueOf(booking), sent.get(0).formParameter("metadata[booking_id]").firstValue());
        assertEquals("requested_by_customer", sent.get(0).formParameter("reason").firstValue());
        assertEquals("Bearer " + StripeStub.API_KEY, sent.get(0).getHeader("Authorization"));
        assertTrue(sent.get(0).getHeader("Idempotency-Key").matches("booking-" + booking + "-[0-9]+-refund"));
        // paid back: nothing is owed any more, Stripe is not asked again
        refund(api.adminToken(), booking).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:therapy-booking:problem:conflict"));
        assertEquals(1, refundsSent(booking).size());
        assertEquals("succeeded", Db.query("select status from payment_refund where booking_id = ?", booking)
                .get(0)[0]);
    }

    @Test
    void aPendingRefundCompletesWithChargeRefunded() {
        Api.UserAccount user = api.newUser();
        long booking = paidBooking(user);
        api.as(api.adminToken()).post("/api/admin/bookings/" + booking + "/cancel").then().statusCode(200);
        StripeStub.onRefund(intentId(booking),
                StripeStub.refund("re_" + booking, "pending", intentId(booking), 10000, "eur", booking));

        refund(api.adminToken(), booking).statusCode(200).body("status", equalTo("pending"))
                .body("payment_status", equalTo("succeeded"));
        refund(api.adminToken(), booking).statusCode(409).body("detail", equalTo("The refund is under way"));
        assertEquals(1, refundsSent(booking).size());

        String event = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"object\":\"event\",\"type\":\"charge.refunded\","
                + "\"data\":{\"object\":{\"id\":\"ch_" + booking + "\",\"object\":\"charge\",\"amount\":10000,"
                + "\"amount_refunded\":10000,\"currency\":\"eur\",\"payment_intent\":\"" + intentId(booking)
                + "\",\"refunded\":true,\"metadata\":{\"booking_id\":\"" + booking + "\"}}}}";
        RestAssured.given().contentType("application/json").header("Stripe-Signature", WebhookSignature.header(
                Instant.now().getEpochSecond(), event.getBytes(StandardCharsets.UTF_8), "whsec_test_only_secret"))
                .body(event.getBytes(StandardCharsets.UTF_8)).post("/api/payments/webhook").then().statusCode(200)
                .body("result", equalTo("applied"));
        api.as(user.token()).get("/api/bookings/" + booking).then().body("payment_status", equalTo("refunded"));
    }

    @Test
    void nothingIsRefundedWhereNoMoneyIsOwed() {
        Api.UserAccount user = api.newUser();
        long paidAndScheduled = paidBooking(user);
        refund(api.adminToken(), paidAndScheduled).statusCode(409)
                .body("detail", equalTo("No refund is owed: only a cancelled booking whose payment succeeded is "
                        + "refunded (this one is scheduled, payment succeeded)"));
        long unpaid = api.bookingId(user.token(), api.slot(1));
        api.as(user.token()).post("/api/bookings/" + unpaid + "/cancel").then().statusCode(200);
        refund(api.adminToken(), unpaid).statusCode(409);
        refund(api.adminToken(), 999_999_999L).statusCode(404);
        api.as(user.token()).post("/api/bookings/" + paidAndScheduled + "/cancel").then().statusCode(200);
        refund(user.token(), paidAndScheduled).statusCode(403).contentType("application/problem+json");
        assertEquals(0, refundsSent(paidAndScheduled).size());
        assertEquals(0, refundsSent(unpaid).size());
    }
}
