package org.therapybooking.booking.booking;

import java.time.Instant;

import org.therapybooking.booking.common.BookingStatus;

/** Which bookings an admin lists (null: any) and which page of them; {@code limit} already capped. */
public record BookingFilter(BookingStatus status, Instant from, Instant to, Long userId, Long therapistId, int limit,
        int offset) {
}
