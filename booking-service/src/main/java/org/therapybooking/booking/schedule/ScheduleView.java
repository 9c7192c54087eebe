package org.therapybooking.booking.schedule;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A slot on the wire: public listing and admin views share it. The original API's fields come first
 * ({@code start_time}, {@code end_time}, {@code is_available}, {@code max_bookings}, {@code booked_count},
 * {@code created_at}, {@code updated_at}); this project's names of the same values ({@code starts_at},
 * {@code ends_at}, {@code capacity}) and its additions follow.
 */
public record ScheduleView(long id, Instant startTime, Instant endTime, boolean isAvailable, int maxBookings,
        int bookedCount, Instant createdAt, Instant updatedAt, long therapistId, String therapistName,
        Instant startsAt, Instant endsAt, int duration, int capacity, int remainingCapacity, BigDecimal amount,
        String currency) {

    static ScheduleView of(Schedule schedule, long activeBookings) {
        int booked = (int) activeBookings;
        return new ScheduleView(schedule.id, schedule.startsAt, schedule.endsAt, schedule.available,
                schedule.capacity, booked, schedule.createdAt, schedule.updatedAt, schedule.therapist.id,
                (schedule.therapist.firstName + " " + schedule.therapist.lastName).trim(), schedule.startsAt,
                schedule.endsAt, schedule.durationMinutes(), schedule.capacity,
                Math.max(0, schedule.capacity - booked), schedule.amount, schedule.currency);
    }
}
