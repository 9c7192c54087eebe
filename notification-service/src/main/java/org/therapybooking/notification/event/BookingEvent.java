package org.therapybooking.notification.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.therapybooking.commons.time.TimeZoneId;
import org.therapybooking.notification.booking.BookingStatus;

/**
 * A booking event as published on {@code booking.events} (docs/events/*.v1.schema.json). Unknown fields are
 * ignored (tolerant reader); the constraints are the parts of the schema this service relies on.
 */
public record BookingEvent(
        @NotNull UUID eventId,
        @NotBlank String eventType,
        @NotNull @Min(1) @Max(1) Integer eventVersion,
        @NotNull Instant occurredAt,
        @NotNull @Min(1) Long bookingId,
        @NotNull @Valid Booking booking,
        @NotNull @Valid Person recipient,
        @NotNull @Valid Person host,
        Instant previousScheduledAt,
        String previousJitsiRoomId,
        String cancelledBy,
        String reason) {

    /** {@code duration} is the booked minutes; {@code ends_at}, when present, must be start + duration. */
    public record Booking(
            @NotNull @Min(1) Long id,
            @NotNull BookingStatus status,
            @NotNull Instant scheduledAt,
            @NotNull @Min(1) @Max(1440) Integer duration,
            Instant endsAt,
            @NotBlank String jitsiRoomId,
            @NotBlank String jitsiRoomUrl,
            String amount,
            String currency,
            @NotBlank String paymentStatus,
            @NotNull @Min(0) Integer sequence,
            // each side's first join through its join link; absent until then
            Instant clientJoinedAt,
            Instant hostJoinedAt,
            // while scheduled: the last instants the client may cancel or move it themselves
            Instant cancellableUntil,
            Instant reschedulableUntil) {
    }

    public record Person(
            @NotNull @Min(1) Long userId,
            @NotNull @Size(max = 100) String firstName,
            @NotNull @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @TimeZoneId String timeZone,
            // booking-service's join link for this person (optional): a web link to its /j/ page, nothing else
            @Size(max = 2048) @Pattern(regexp = "https?://\\S+/j/[A-Za-z0-9_-]+") String joinUrl) {
    }
}
