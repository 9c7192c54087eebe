package org.therapybooking.booking.schedule;

import java.math.BigDecimal;
import java.time.Instant;

/** A slot on the wire: public listing and admin views share it. */
public record ScheduleView(long id, long therapistId, String therapistName, Instant startsAt, Instant endsAt,
        int duration, int capacity, int remainingCapacity, BigDecimal amount, String currency) {

    static ScheduleView of(Schedule schedule, long activeBookings) {
        return new ScheduleView(schedule.id, schedule.therapist.id,
                (schedule.therapist.firstName + " " + schedule.therapist.lastName).trim(), schedule.startsAt,
                schedule.endsAt, schedule.durationMinutes(), schedule.capacity,
                (int) Math.max(0, schedule.capacity - activeBookings), schedule.amount, schedule.currency);
    }
}
