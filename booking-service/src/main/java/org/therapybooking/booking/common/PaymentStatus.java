package org.therapybooking.booking.common;

import org.therapybooking.commons.persistence.Coded;

/**
 * The payment state of a booking, as the API, the events and the {@code booking.payment_status} column spell it
 * (its {@link #code()}).
 */
public enum PaymentStatus implements Coded {
    PENDING,
    SUCCEEDED,
    FAILED,
    REFUNDED;

    /** Whether a provider event may move a payment from this state to {@code next}. */
    public boolean canBecome(PaymentStatus next) {
        return switch (next) {
            case SUCCEEDED -> this == PENDING || this == FAILED;
            case FAILED -> this == PENDING;
            case REFUNDED -> this == SUCCEEDED;
            case PENDING -> false;
        };
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class Column extends Coded.Converter<PaymentStatus> {
    }
}
