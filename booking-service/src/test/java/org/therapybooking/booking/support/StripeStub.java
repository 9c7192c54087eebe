package org.therapybooking.booking.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import org.therapybooking.localstack.FreePorts;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local Stripe-compatible stub (WireMock) on a real port: the service's Stripe client is pointed at it with
 * {@link #API_KEY}. Tests stub Stripe's documented answers per object id ({@link #intent}, {@link #refund}) and
 * verify what the client sent (form parameters, {@code Idempotency-Key}, {@code Authorization}) through
 * {@link #server()}.
 */
public class StripeStub implements QuarkusTestResourceLifecycleManager {

    /** A test-mode shaped key that exists nowhere but here. */
    public static final String API_KEY = "sk_test_only_stub_4eC39HqLyjWDarjtT1zdp7dc";

    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").port(FreePorts.next()));
            server.start();
        }
        return Map.of("booking.payment.stripe.api-base", "http://127.0.0.1:" + server.port(),
                "booking.payment.stripe.api-key", API_KEY,
                // a refused request is not retried: what the client sent is seen once
                "booking.payment.stripe.max-network-retries", "0");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** Stripe's PaymentIntent object (the fields this service reads, and a few it does not). */
    public static String intent(String id, String status, long amount, String currency, long bookingId) {
        return """
                {"id": "%1$s", "object": "payment_intent", "amount": %3$d, "amount_received": %4$d,
                 "automatic_payment_methods": {"enabled": true}, "capture_method": "automatic",
                 "client_secret": "%1$s_secret_stubbed", "confirmation_method": "automatic", "created": 1795000000,
                 "currency": "%5$s", "last_payment_error": null, "latest_charge": %6$s, "livemode": false,
                 "metadata": {"booking_id": "%7$d"}, "payment_method_types": ["card"], "status": "%2$s"}
                """.formatted(id, status, amount, status.equals("succeeded") ? amount : 0, currency,
                status.equals("succeeded") ? "\"ch_" + id.substring(3) + "\"" : "null", bookingId);
    }

    /** Stripe's Refund object. */
    public static String refund(String id, String status, String paymentIntent, long amount, String currency,
            long bookingId) {
        return """
                {"id": "%s", "object": "refund", "amount": %d, "charge": "ch_%s", "created": 1795000100,
                 "currency": "%s", "metadata": {"booking_id": "%d"}, "payment_intent": "%s",
                 "reason": "requested_by_customer", "status": "%s"}
                """.formatted(id, amount, paymentIntent.substring(3), currency, bookingId, paymentIntent, status);
    }

    /** {@code POST /v1/payment_intents} for this booking answers the intent. */
    public static void onCreateIntent(long bookingId, String body) {
        server.stubFor(json(post(urlPathEqualTo("/v1/payment_intents"))
                .withFormParam("metadata[booking_id]", equalTo(String.valueOf(bookingId))), body));
    }

    /** {@code GET /v1/payment_intents/<id>} answers the intent. */
    public static void onRetrieveIntent(String id, String body) {
        server.stubFor(json(get(urlPathEqualTo("/v1/payment_intents/" + id)), body));
    }

    /** {@code POST /v1/refunds} for this intent answers the refund. */
    public static void onRefund(String paymentIntent, String body) {
        server.stubFor(json(post(urlPathEqualTo("/v1/refunds")).withFormParam("payment_intent",
                equalTo(paymentIntent)), body));
    }

    private static MappingBuilder json(MappingBuilder request, String body) {
        return request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_stubbed").withBody(body));
    }
}
