package org.therapybooking.booking.payment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PaymentTransitionsTest {

    @Test
    void pendingCanSucceedOrFail() {
        assertTrue(PaymentService.allowed("pending", "succeeded"));
        assertTrue(PaymentService.allowed("pending", "failed"));
        assertFalse(PaymentService.allowed("pending", "refunded"));
    }

    @Test
    void aFailedPaymentCanBeRetriedAndOnlySuccessesAreRefunded() {
        assertTrue(PaymentService.allowed("failed", "succeeded"));
        assertTrue(PaymentService.allowed("succeeded", "refunded"));
        assertFalse(PaymentService.allowed("succeeded", "failed"));
        assertFalse(PaymentService.allowed("refunded", "succeeded"));
        assertFalse(PaymentService.allowed("succeeded", "succeeded"));
    }
}
