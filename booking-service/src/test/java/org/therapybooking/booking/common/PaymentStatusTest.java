package org.therapybooking.booking.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.therapybooking.booking.common.PaymentStatus.FAILED;
import static org.therapybooking.booking.common.PaymentStatus.PENDING;
import static org.therapybooking.booking.common.PaymentStatus.REFUNDED;
import static org.therapybooking.booking.common.PaymentStatus.SUCCEEDED;

import java.util.List;

import org.junit.jupiter.api.Test;

class PaymentStatusTest {

    @Test
    void pendingCanSucceedOrFail() {
        assertTrue(PENDING.canBecome(SUCCEEDED));
        assertTrue(PENDING.canBecome(FAILED));
        assertFalse(PENDING.canBecome(REFUNDED));
    }

    @Test
    void aFailedPaymentCanBeRetriedAndOnlySuccessesAreRefunded() {
        assertTrue(FAILED.canBecome(SUCCEEDED));
        assertTrue(SUCCEEDED.canBecome(REFUNDED));
        assertFalse(SUCCEEDED.canBecome(FAILED));
        assertFalse(REFUNDED.canBecome(SUCCEEDED));
        assertFalse(SUCCEEDED.canBecome(SUCCEEDED));
    }

    @Test
    void statesAreStoredAsTheSchemaSpellsThem() {
        var column = new PaymentStatus.Column();
        List<String> stored = List.of("pending", "succeeded", "failed", "refunded");
        for (PaymentStatus status : PaymentStatus.values()) {
            assertEquals(stored.get(status.ordinal()), column.convertToDatabaseColumn(status));
            assertTrue(status == column.convertToEntityAttribute(stored.get(status.ordinal())));
        }
        assertTrue(BookingStatus.SCHEDULED == new BookingStatus.Column().convertToEntityAttribute("scheduled"));
        assertTrue("cancelled".equals(new BookingStatus.Column().convertToDatabaseColumn(BookingStatus.CANCELLED)));
    }
}
