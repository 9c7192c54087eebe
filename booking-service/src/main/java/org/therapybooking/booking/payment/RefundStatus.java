package org.therapybooking.booking.payment;

/** A Stripe Refund's {@code status}, as Stripe and the {@code payment_refund.status} column spell it. */
public enum RefundStatus {
    PENDING, REQUIRES_ACTION, SUCCEEDED, FAILED, CANCELED;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RefundStatus of(String value) {
        for (RefundStatus status : values()) {
            if (status.value().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown Refund status " + value);
    }
}
