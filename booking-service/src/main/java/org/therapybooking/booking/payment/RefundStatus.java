package org.therapybooking.booking.payment;

import org.therapybooking.commons.persistence.Coded;

/**
 * A Stripe Refund's {@code status}, as Stripe and the {@code payment_refund.status} column spell it (its
 * {@link #code()}).
 */
public enum RefundStatus implements Coded {
    PENDING, REQUIRES_ACTION, SUCCEEDED, FAILED, CANCELED
}
