package org.therapybooking.booking.payment;

/** A Stripe PaymentIntent's {@code status}, as Stripe and the {@code payment_intent.status} column spell it. */
public enum IntentStatus {
    REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING, REQUIRES_CAPTURE, CANCELED, SUCCEEDED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status of Stripe's value; an unknown (newer) value is an error of the provider's answer. */
    public static IntentStatus of(String value) {
        for (IntentStatus status : values()) {
            if (status.value().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown PaymentIntent status " + value);
    }

    /** A canceled intent can take no payment any more: asking for an intent again creates a new one. */
    public boolean isOpen() {
        return this != CANCELED && this != SUCCEEDED;
    }
}
