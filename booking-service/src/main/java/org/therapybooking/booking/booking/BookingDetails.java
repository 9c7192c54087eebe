package org.therapybooking.booking.booking;

import java.math.BigDecimal;
import java.time.Instant;

import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.common.PaymentStatus;

/**
 * The booking fields every view shares: the original API's names ({@code duration} is the booked minutes), then
 * this project's additions ({@code ends_at} is the session end, start plus duration; the attendance: when each side
 * first and last opened the meeting through its join link, null before; whose session it is: its therapist).
 */
public record BookingDetails(long id, long userId, long scheduleId, Instant scheduledAt, int duration, Instant endsAt,
        BookingStatus status, String jitsiRoomId, String jitsiRoomUrl, BigDecimal amount, String currency,
        PaymentStatus paymentStatus,
        String notes, int sequence, Instant createdAt, Instant clientJoinedAt, Instant clientLastJoinedAt,
        Instant hostJoinedAt, Instant hostLastJoinedAt, long therapistId, String therapistName) {

    public static BookingDetails of(Booking booking) {
        return new BookingDetails(booking.id, booking.user.id, booking.schedule.id, booking.schedule.startsAt,
                booking.durationMinutes, booking.endsAt(), booking.status, booking.jitsiRoomId, booking.jitsiRoomUrl,
                booking.amount, booking.currency, booking.paymentStatus, booking.notes, booking.sequence,
                booking.createdAt, booking.clientJoinedAt, booking.clientLastJoinedAt, booking.hostJoinedAt,
                booking.hostLastJoinedAt, booking.schedule.therapist.id,
                (booking.schedule.therapist.firstName + " " + booking.schedule.therapist.lastName).trim());
    }
}
