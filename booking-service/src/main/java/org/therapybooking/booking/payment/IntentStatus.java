package org.therapybooking.booking.payment;

import org.therapybooking.commons.persistence.Coded;

/**
 * A Stripe PaymentIntent's {@code status}, as Stripe and the {@code payment_intent.status} column spell it (its
 * {@link #code()}). An unknown (newer) value is an error of the provider's answer.
 */
public enum IntentStatus implements Coded {
    REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING, REQUIRES_CAPTURE, CANCELED, SUCCEEDED;

    /** A canceled intent can take no payment any more: asking for an intent again creates a new one. */
    public boolean isOpen() {
        return this != CANCELED && this != SUCCEEDED;
    }
}
