package org.therapybooking.booking.payment;

import java.io.IOException;
import java.time.Clock;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.ProblemType;
import org.therapybooking.booking.common.BookingConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Payment provider callbacks. The raw body is verified before it is parsed. */
@Path("/api/payments/webhook")
@PermitAll
public class PaymentWebhookResource {

    private final PaymentService payments;
    private final BookingConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PaymentWebhookResource(PaymentService payments, BookingConfig config, ObjectMapper mapper, Clock clock) {
        this.payments = payments;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    public record WebhookAck(boolean received, String result) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public WebhookAck receive(@HeaderParam("Stripe-Signature") String signature, byte[] body) {
        switch (WebhookSignature.verify(signature, body, config.payment().webhookSecret(), clock.instant(),
                config.payment().signatureTolerance())) {
            case MALFORMED -> throw new ApiException(ProblemType.MALFORMED_REQUEST,
                    "Missing or malformed Stripe-Signature header");
            case BAD_SIGNATURE -> throw new ApiException(ProblemType.UNAUTHORIZED, "The signature does not match");
            case OUTSIDE_TOLERANCE -> throw new ApiException(ProblemType.UNAUTHORIZED,
                    "The signature timestamp is outside the tolerance (replayed or stale)");
            case VALID -> {
            }
        }
        JsonNode event;
        try {
            event = mapper.readTree(body);
        } catch (IOException e) {
            throw new ApiException(ProblemType.MALFORMED_REQUEST, "The body is not JSON");
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        if (id.isBlank() || id.length() > 255 || type.isBlank()) {
            throw ApiException.invalid(id.isBlank() || id.length() > 255 ? "id" : "type", "is required");
        }
        JsonNode bookingNode = event.path("data").path("object").path("metadata").path("booking_id");
        Long bookingId = null;
        if (!bookingNode.isMissingNode() && !bookingNode.isNull()) {
            try {
                bookingId = Long.parseLong(bookingNode.asText());
            } catch (NumberFormatException e) {
                throw ApiException.invalid("data.object.metadata.booking_id", "must be a booking id");
            }
        }
        PaymentService.Money money = null;
        if (bookingId != null && PaymentService.TRANSITIONS.containsKey(type)) {
            money = money(event.path("data").path("object"));
        }
        String intentId = null;
        JsonNode objectId = event.path("data").path("object").path("id");
        if (type.startsWith("payment_intent.") && objectId.isTextual() && objectId.asText().length() <= 255) {
            intentId = objectId.asText();
        }
        PaymentService.Result result = payments.apply(id, type.length() > 100 ? type.substring(0, 100) : type,
                bookingId, money, intentId);
        return new WebhookAck(true, result.code());
    }

    /** {@code amount} (integer, minor units) and {@code currency} (ISO 4217, any case) of the payment object. */
    private static PaymentService.Money money(JsonNode object) {
        JsonNode amount = object.path("amount");
        if (!amount.isIntegralNumber() || !amount.canConvertToLong() || amount.asLong() < 0) {
            throw ApiException.invalid("data.object.amount", "must be a non-negative integer amount in minor units");
        }
        JsonNode currency = object.path("currency");
        if (!currency.isTextual() || !currency.asText().matches("[A-Za-z]{3}")) {
            throw ApiException.invalid("data.object.currency", "must be an ISO 4217 currency code");
        }
        return new PaymentService.Money(amount.asLong(), currency.asText());
    }
}
