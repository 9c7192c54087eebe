package org.therapybooking.booking.payment;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.therapybooking.commons.persistence.Coded;
import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.commons.problem.ProblemType;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;

/**
 * The calls to Stripe, through its official client. Every create carries an idempotency key, so a retried or
 * concurrent request makes one object at Stripe. Stripe's failures become problem+json: 503 when Stripe cannot be
 * reached (or no key is configured), 502 when it refuses. The API key and client secrets are never logged.
 */
@ApplicationScoped
public class StripeGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class);
    private static final long RETRY_AFTER_SECONDS = 30;

    /** Null without an API key. */
    private final StripeClient client;

    public StripeGateway(PaymentConfig config) {
        PaymentConfig.Stripe stripe = config.stripe();
        this.client = stripe.apiKey().filter(key -> !key.isBlank())
                .map(key -> StripeClient.builder().setApiKey(key).setApiBase(stripe.apiBase())
                        .setConnectTimeout(Math.toIntExact(stripe.connectTimeout().toMillis()))
                        .setReadTimeout(Math.toIntExact(stripe.readTimeout().toMillis()))
                        .setMaxNetworkRetries(stripe.maxNetworkRetries()).build())
                .orElse(null);
    }

    /** A PaymentIntent as this service uses it; {@code clientSecret} goes to the paying client only. */
    public record Intent(String id, IntentStatus status, String clientSecret, long amount, String currency,
            String bookingId) {

        @Override
        public String toString() {
            return "Intent[" + id + ", " + status.code() + ", " + amount + " " + currency + "]";
        }
    }

    public record RefundResult(String id, RefundStatus status, long amount, String currency) {
    }

    public Intent createIntent(long bookingId, int attempt, long amountMinorUnits, String currency,
            String idempotencyKey) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(amountMinorUnits)
                .setCurrency(currency.toLowerCase(java.util.Locale.ROOT))
                .putMetadata("booking_id", String.valueOf(bookingId))
                .putMetadata("attempt", String.valueOf(attempt))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true).build())
                .build();
        return call("create a PaymentIntent", () -> intent(stripe().v1().paymentIntents().create(params,
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build())));
    }

    public Intent retrieveIntent(String id) {
        return call("retrieve a PaymentIntent", () -> intent(stripe().v1().paymentIntents().retrieve(id)));
    }

    /** Refunds the whole amount of a PaymentIntent. */
    public RefundResult refund(String paymentIntentId, long bookingId, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(paymentIntentId)
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("booking_id", String.valueOf(bookingId)).build();
        return call("create a Refund", () -> {
            Refund refund = stripe().v1().refunds().create(params,
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
            return new RefundResult(refund.getId(), Coded.fromCode(RefundStatus.class, refund.getStatus()), refund.getAmount(),
                    refund.getCurrency());
        });
    }

    private StripeClient stripe() {
        if (client == null) {
            throw ApiException.unavailable("Payments are not configured", RETRY_AFTER_SECONDS);
        }
        return client;
    }

    private static Intent intent(PaymentIntent intent) {
        return new Intent(intent.getId(), Coded.fromCode(IntentStatus.class, intent.getStatus()), intent.getClientSecret(),
                intent.getAmount(), intent.getCurrency(),
                intent.getMetadata() == null ? null : intent.getMetadata().get("booking_id"));
    }

    private interface StripeCall<T> {
        T run() throws StripeException;
    }

    private static <T> T call(String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException e) {
            LOG.warnf("Stripe unreachable, could not %s: %s", what, e.getClass().getSimpleName());
            throw ApiException.unavailable("The payment provider cannot be reached; retry shortly",
                    RETRY_AFTER_SECONDS);
        } catch (StripeException e) {
            // status, Stripe's error code and request id identify the failure; the message may echo request data
            LOG.warnf("Stripe refused to %s: %s status %s code %s request %s", what, e.getClass().getSimpleName(),
                    e.getStatusCode(), e.getCode(), e.getRequestId());
            throw new ApiException(ProblemType.BAD_GATEWAY, "The payment provider refused the request");
        } catch (IllegalArgumentException e) {
            LOG.warnf("Stripe answered an unknown status when asked to %s: %s", what, e.getMessage());
            throw new ApiException(ProblemType.BAD_GATEWAY, "The payment provider's answer is not understood");
        }
    }
}
