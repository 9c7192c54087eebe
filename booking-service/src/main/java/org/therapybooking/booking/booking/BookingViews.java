package org.therapybooking.booking.booking;

import java.time.Instant;
import java.util.List;

import org.therapybooking.booking.common.BookingStatus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Wire types of the booking endpoints. */
public final class BookingViews {

    /** {@code meeting_links_status}: personalized links were generated, or meeting-link-service is unavailable. */
    public static final String LINKS_AVAILABLE = "available";
    public static final String LINKS_UNAVAILABLE = "unavailable";

    private BookingViews() {
    }

    public record BookingView(@JsonUnwrapped BookingDetails booking, String personalizedMeetingUrl,
            @JsonInclude(JsonInclude.Include.NON_NULL) String meetingLinksStatus) {
    }

    public record BookingList(List<BookingView> bookings, String meetingLinksStatus) {
    }

    public record AdminBookingView(@JsonUnwrapped BookingDetails booking, String adminMeetingUrl) {
    }

    public record AdminBookingPage(List<AdminBookingView> bookings, long total, int limit, int offset,
            String meetingLinksStatus) {
    }

    public record MeetingLinkView(long bookingId, String meetingUrl, String displayName, boolean isAdmin,
            Instant scheduledAt, int duration, BookingStatus status) {
    }
}
