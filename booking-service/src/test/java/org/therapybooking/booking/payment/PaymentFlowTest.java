package org.therapybooking.booking.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.outbox.KafkaEvents;
import org.therapybooking.booking.outbox.OutboxRelay;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.booking.support.StripeStub;
import org.therapybooking.localstack.EventContract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** Paying a booking through Stripe (a local stub that checks what the Stripe client sends). */
@QuarkusTest
class PaymentFlowTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;

    private ValidatableResponse intent(String token, long booking) {
        return api.as(token).body(Map.of("booking_id", booking)).post("/api/payments/intent").then();
    }

    private ValidatableResponse confirm(String token, String intent) {
        return api.as(token).body(Map.of("payment_intent_id", intent)).post("/api/payments/confirm").then();
    }

    private static String intentId(long booking, int attempt) {
        return "pi_" + booking + "x" + attempt;
    }

    /** Books a 100.00 EUR slot and creates its first intent at the stub. */
    private long bookedWithIntent(Api.UserAccount user) {
        long booking = api.bookingId(user.token(), api.slot(1));
        String id = intentId(booking, 1);
        StripeStub.onCreateIntent(booking, StripeStub.intent(id, "requires_payment_method", 10000, "eur", booking));
        intent(user.token(), booking).statusCode(200).body("payment_intent_id", equalTo(id));
        return booking;
    }

    private static List<LoggedRequest> creates(long booking) {
        return StripeStub.server().findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[booking_id]", WireMock.equalTo(String.valueOf(booking))));
    }

    @Test
    void anIntentCarriesTheBookingsAmountCurrencyAndMetadataWithAnIdempotencyKeyAndTheSecretKey() {
        Api.UserAccount user = api.newUser();
        long booking = api.bookingId(user.token(), api.slot(1));
        String id = intentId(booking, 1);
        StripeStub.onCreateIntent(booking, StripeStub.intent(id, "requires_payment_method", 10000, "eur", booking));

        intent(user.token(), booking).statusCode(200).body("booking_id", equalTo((int) booking))
                .body("payment_intent_id", equalTo(id)).body("client_secret", equalTo(id + "_secret_stubbed"))
                .body("amount", equalTo(10000)).body("currency", equalTo("eur"))
                .body("status", equalTo("requires_payment_method"));

        List<LoggedRequest> sent = creates(booking);
        assertEquals(1, sent.size());
        LoggedRequest create = sent.get(0);
        assertEquals("10000", create.formParameter("amount").firstValue());
        assertEquals("eur", create.formParameter("currency").firstValue());
        assertEquals("1", create.formParameter("metadata[attempt]").firstValue());
        assertEquals("true", create.formParameter("automatic_payment_methods[enabled]").firstValue());
        assertEquals("Bearer " + StripeStub.API_KEY, create.getHeader("Authorization"));
        assertTrue(create.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertTrue(create.getHeader("Idempotency-Key").matches("booking-" + booking + "-[0-9]+-intent-1"),
                create.getHeader("Idempotency-Key"));
        assertEquals(List.of(new Object[] {id, 1, "requires_payment_method"}).toString(), List.of(Db.query(
                "select id, attempt, status from payment_intent where booking_id = ?", booking).get(0)).toString());
    }

    @Test
    void askingAgainReturnsTheOpenIntentInsteadOfASecondOne() {
        Api.UserAccount user = api.newUser();
        long booking = bookedWithIntent(user);
        String id = intentId(booking, 1);
        StripeStub.onRetrieveIntent(id, StripeStub.intent(id, "requires_action", 10000, "eur", booking));

        intent(user.token(), booking).statusCode(200).body("payment_intent_id", equalTo(id))
                .body("status", equalTo("requires_action"));
        assertEquals(1, creates(booking).size());
        StripeStub.server().verify(1, getRequestedFor(urlPathEqualTo("/v1/payment_intents/" + id))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + StripeStub.API_KEY)));
    }

    @Test
    void aCanceledIntentIsReplacedByTheNextAttemptWithItsOwnIdempotencyKey() {
        Api.UserAccount user = api.newUser();
        long booking = bookedWithIntent(user);
        StripeStub.onRetrieveIntent(intentId(booking, 1),
                StripeStub.intent(intentId(booking, 1), "canceled", 10000, "eur", booking));
        String second = intentId(booking, 2);
        StripeStub.onCreateIntent(booking, StripeStub.intent(second, "requires_payment_method", 10000, "eur",
                booking));

        intent(user.token(), booking).statusCode(200).body("payment_intent_id", equalTo(second));
        List<LoggedRequest> sent = creates(booking);
        assertEquals(2, sent.size());
        assertEquals("2", sent.get(1).formParameter("metadata[attempt]").firstValue());
        assertTrue(sent.get(1).getHeader("Idempotency-Key").endsWith("-intent-2"));
        assertNotEquals(sent.get(0).getHeader("Idempotency-Key"), sent.get(1).getHeader("Idempotency-Key"));
        assertEquals(2, Db.count("select count(*) from payment_intent where booking_id = ?", booking));
    }

    @Test
    void onlyTheOwnerOfAScheduledUnpaidBookingGetsAnIntent() {
        Api.UserAccount owner = api.newUser();
        long booking = api.bookingId(owner.token(), api.slot(1));
        intent(api.newUser().token(), booking).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:therapy-booking:problem:not-found"));
        intent(owner.token(), 999_999_999L).statusCode(404);
        api.as(owner.token()).body(Map.of()).post("/api/payments/intent").then().statusCode(400)
                .body("errors[0].field", equalTo("booking_id"));
        api.as(owner.token()).post("/api/bookings/" + booking + "/cancel").then().statusCode(200);
        intent(owner.token(), booking).statusCode(409).body("type", equalTo("urn:therapy-booking:problem:conflict"))
                .body("detail", equalTo("A cancelled booking cannot be paid"));
        assertEquals(0, creates(booking).size());
    }

    @Test
    void intentThenStripeSucceedsThenConfirmMarksThePaymentOnceAndAWebhookAfterwardsChangesNothing()
            throws Exception {
        Api.UserAccount user = api.newUser();
        long booking = bookedWithIntent(user);
        String id = intentId(booking, 1);
        // the client paid with Stripe.js: the intent succeeded at Stripe
        StripeStub.onRetrieveIntent(id, StripeStub.intent(id, "succeeded", 10000, "eur", booking));

        confirm(api.newUser().token(), id).statusCode(404);
        confirm(user.token(), "pi_unknown_" + booking).statusCode(404);
        confirm(user.token(), id).statusCode(200).body("booking_id", equalTo((int) booking))
                .body("payment_intent_id", equalTo(id)).body("status", equalTo("succeeded"))
                .body("payment_status", equalTo("succeeded"));
        api.as(user.token()).get("/api/bookings/" + booking).then().body("payment_status", equalTo("succeeded"));
        // confirmed again, and Stripe's webhook for the same payment: acknowledged, nothing more is recorded
        confirm(user.token(), id).statusCode(200).body("payment_status", equalTo("succeeded"));
        String webhook = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"object\":\"event\",\"type\":"
                + "\"payment_intent.succeeded\",\"data\":{\"object\":" + StripeStub.intent(id, "succeeded", 10000,
                        "eur", booking) + "}}";
        RestAssured.given().contentType("application/json").header("Stripe-Signature", WebhookSignature.header(
                Instant.now().getEpochSecond(), webhook.getBytes(StandardCharsets.UTF_8), "whsec_test_only_secret"))
                .body(webhook.getBytes(StandardCharsets.UTF_8)).post("/api/payments/webhook").then().statusCode(200)
                .body("result", equalTo("ignored"));
        // and a paid booking gets no new intent
        intent(user.token(), booking).statusCode(409).body("detail", equalTo("The booking is paid already"));

        assertEquals(1, Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and event_type = ?",
                booking, "booking.paid"));
        sendAll(booking);
        List<KafkaEvents.Event> paid = KafkaEvents.readToEnd(Set.of(String.valueOf(booking))).stream()
                .filter(e -> e.eventType().equals("booking.paid")).toList();
        assertEquals(1, paid.size(), "booking.paid on the broker exactly once");
        var body = JSON.readTree(paid.get(0).value());
        assertEquals(Set.of(), EventContract.violations("booking.paid", body));
        assertEquals("succeeded", body.path("booking").path("payment_status").asText());
        assertEquals(user.email(), body.path("recipient").path("email").asText());
    }

    @Test
    void aWebhookFirstThenAConfirmRecordsThePaymentOnce() {
        Api.UserAccount user = api.newUser();
        long booking = bookedWithIntent(user);
        String id = intentId(booking, 1);
        String succeeded = StripeStub.intent(id, "succeeded", 10000, "eur", booking);
        String webhook = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"object\":\"event\",\"type\":"
                + "\"payment_intent.succeeded\",\"data\":{\"object\":" + succeeded + "}}";
        RestAssured.given().contentType("application/json").header("Stripe-Signature", WebhookSignature.header(
                Instant.now().getEpochSecond(), webhook.getBytes(StandardCharsets.UTF_8), "whsec_test_only_secret"))
                .body(webhook.getBytes(StandardCharsets.UTF_8)).post("/api/payments/webhook").then().statusCode(200)
                .body("result", equalTo("applied"));
        StripeStub.onRetrieveIntent(id, succeeded);
        confirm(user.token(), id).statusCode(200).body("status", equalTo("succeeded"))
                .body("payment_status", equalTo("succeeded"));
        assertEquals(1, Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and event_type = ?",
                booking, "booking.paid"));
        assertEquals("succeeded", Db.query("select status from payment_intent where id = ?", id).get(0)[0]);
    }

    @Test
    void anIntentWhoseAmountDiffersFromTheBookingIsRefusedOnConfirm() {
        Api.UserAccount user = api.newUser();
        long booking = bookedWithIntent(user);
        String id = intentId(booking, 1);
        StripeStub.onRetrieveIntent(id, StripeStub.intent(id, "succeeded", 100, "eur", booking));
        confirm(user.token(), id).statusCode(422).body("type", equalTo("urn:therapy-booking:problem:unprocessable"));
        assertEquals("pending", Db.query("select payment_status from booking where id = ?", booking).get(0)[0]);
        assertEquals(0, Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and event_type = ?",
                booking, "booking.paid"));
    }

    @Test
    void stripeRefusingOrUnreachableBecomesAProblemAndChangesNothing() {
        Api.UserAccount user = api.newUser();
        long booking = api.bookingId(user.token(), api.slot(1));
        StripeStub.server().stubFor(WireMock.post(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[booking_id]", WireMock.equalTo(String.valueOf(booking)))
                .willReturn(WireMock.aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"type\": "
                                + "\"invalid_request_error\", \"code\": \"amount_too_small\", \"message\": "
                                + "\"Amount must be at least 50 cents\", \"param\": \"amount\"}}")));
        intent(user.token(), booking).statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:therapy-booking:problem:bad-gateway"));
        assertEquals(0, Db.count("select count(*) from payment_intent where booking_id = ?", booking));
        StripeStub.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[booking_id]", WireMock.equalTo(String.valueOf(booking)))
                .withHeader("Idempotency-Key", WireMock.matching("booking-" + booking + "-[0-9]+-intent-1")));
    }

    /** Relays until every event of the booking is acknowledged by the broker. */
    private void sendAll(long booking) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and sent_at is null", booking) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events of booking " + booking + " were not sent");
            }
            relay.relayOnce();
        }
    }
}
