package org.therapybooking.booking.booking;

import java.time.Instant;
import java.util.List;

import org.therapybooking.booking.common.BookingStatus;
import org.therapybooking.booking.user.ClientView;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Wire types of the booking endpoints. */
public final class BookingViews {

    /** {@code meeting_links_status}: personalized links were generated, or meeting-link-service is unavailable. */
    public static final String LINKS_AVAILABLE = "available";
    public static final String LINKS_UNAVAILABLE = "unavailable";

    private BookingViews() {
    }

    /**
     * What meeting-link-service says about the link next to it: {@code moderator_guaranteed} is true only when a
     * signed token gives the participant moderator rights (never on public meet.jit.si), {@code link_expires_at}
     * is that token's expiry. Both null when links are unavailable.
     */
    public record LinkFacts(Boolean moderatorGuaranteed, Instant linkExpiresAt) {

        static final LinkFacts UNKNOWN = new LinkFacts(null, null);
    }

    /** {@code client} and {@code client_name} only in an admin's answer: a client never sees them. */
    public record BookingView(@JsonUnwrapped BookingDetails booking, String personalizedMeetingUrl, String joinUrl,
            @JsonUnwrapped LinkFacts link, @JsonInclude(JsonInclude.Include.NON_NULL) String meetingLinksStatus,
            @JsonInclude(JsonInclude.Include.NON_NULL) String clientName,
            @JsonInclude(JsonInclude.Include.NON_NULL) ClientView client) {

        public BookingView(BookingDetails booking, String personalizedMeetingUrl, String joinUrl, LinkFacts link,
                String meetingLinksStatus) {
            this(booking, personalizedMeetingUrl, joinUrl, link, meetingLinksStatus, null, null);
        }
    }

    public record BookingList(List<BookingView> bookings, String meetingLinksStatus) {
    }

    /** A booking as the therapist sees it: with whom ({@code client}, and its name flat for simple frontends). */
    public record AdminBookingView(@JsonUnwrapped BookingDetails booking, String adminMeetingUrl, String joinUrl,
            @JsonUnwrapped LinkFacts link, String clientName, ClientView client) {

        AdminBookingView(BookingDetails booking, String adminMeetingUrl, String joinUrl, LinkFacts link,
                ClientView client) {
            this(booking, adminMeetingUrl, joinUrl, link, client == null ? null : client.name(), client);
        }
    }

    public record AdminBookingPage(List<AdminBookingView> bookings, long total, int limit, int offset,
            String meetingLinksStatus) {
    }

    /**
     * The original API's link answer, then the session end, meeting-link-service's word on the link and the
     * caller's join link ({@code join_url}: opens the meeting only within its join window).
     */
    public record MeetingLinkView(long bookingId, String meetingUrl, String displayName, boolean isAdmin,
            Instant scheduledAt, int duration, BookingStatus status, Instant endsAt, boolean moderatorGuaranteed,
            Instant expiresAt, String joinUrl) {
    }
}
