package org.therapybooking.booking.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

/** The payment state of a booking, as the API, the events and the {@code booking.payment_status} column spell it. */
public enum PaymentStatus {
    PENDING("pending"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    REFUNDED("refunded");

    private final String value;

    PaymentStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** Whether a provider event may move a payment from this state to {@code next}. */
    public boolean canBecome(PaymentStatus next) {
        return switch (next) {
            case SUCCEEDED -> this == PENDING || this == FAILED;
            case FAILED -> this == PENDING;
            case REFUNDED -> this == SUCCEEDED;
            case PENDING -> false;
        };
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<PaymentStatus, String> {
        @Override
        public String convertToDatabaseColumn(PaymentStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public PaymentStatus convertToEntityAttribute(String value) {
            for (PaymentStatus status : values()) {
                if (status.value.equals(value)) {
                    return status;
                }
            }
            throw new IllegalStateException("unknown payment status in the database: " + value);
        }
    }
}
