package org.therapybooking.booking.booking;

import java.time.Instant;
import java.util.UUID;

import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.common.PaymentStatus;
import org.therapybooking.booking.user.Person;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The wire form of every booking event (docs/events/*.schema.json): the shared envelope plus the few fields one
 * event type adds; fields of other types are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingEvent(UUID eventId, String eventType, int eventVersion, Instant occurredAt, long bookingId,
        EventBooking booking, Person recipient, Person host, String cancelledBy, String reason,
        Instant previousScheduledAt, String previousJitsiRoomId) {

    public static final String CREATED = "booking.created";
    public static final String CANCELLED = "booking.cancelled";
    public static final String RESCHEDULED = "booking.rescheduled";
    public static final String PAID = "booking.paid";
    public static final String EXPIRED = "booking.expired";
    public static final String COMPLETED = "booking.completed";
    public static final String NO_SHOW = "booking.no_show";
    public static final String CLIENT_WAITING = "booking.client_waiting";

    /**
     * The booking as events show it; amounts are decimal strings, never floats. {@code duration} is the booked
     * minutes and {@code ends_at} the session end (start plus duration), which may be before the slot's end.
     * {@code client_joined_at} and {@code host_joined_at}, each side's first join through its join link, are left
     * out until that side joined. {@code cancellable_until} and {@code reschedulable_until} (only while the booking
     * is scheduled) are the last instants the client may cancel or move it themselves.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EventBooking(long id, BookingStatus status, Instant scheduledAt, int duration, Instant endsAt,
            String jitsiRoomId,
            String jitsiRoomUrl, String amount, String currency, PaymentStatus paymentStatus, int sequence,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant clientJoinedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant hostJoinedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant cancellableUntil,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant reschedulableUntil) {
    }
}
