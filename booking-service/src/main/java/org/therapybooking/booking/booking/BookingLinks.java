package org.therapybooking.booking.booking;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.therapybooking.commons.problem.ApiException;
import org.therapybooking.booking.meeting.MeetingLinkGateway;
import org.therapybooking.booking.user.User;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;

/**
 * Joins bookings with personalized links from meeting-link-service, outside any database transaction (the remote
 * call must not hold a connection). The client role is used for a booking's owner, the host role for admins.
 */
@ApplicationScoped
public class BookingLinks {

    @Inject
    MeetingLinkGateway gateway;

    public static final String ROLE_CLIENT = "client";
    public static final String ROLE_HOST = "host";

    public record Linked(List<BookingDetails> bookings, List<String> urls, boolean available) {
    }

    /** Links for {@code participant} in {@code role} for every booking of one page, via one batch call. */
    public Linked linksFor(List<BookingDetails> bookings, User participant, String role) {
        List<MeetingLinkRequest> requests = bookings.stream().map(b -> request(b, participant, role)).toList();
        Optional<List<MeetingLinkResponse>> links = gateway.links(requests);
        if (links.isEmpty()) {
            return new Linked(bookings, bookings.stream().map(b -> (String) null).toList(), false);
        }
        return new Linked(bookings, links.get().stream().map(MeetingLinkResponse::meetingUrl).toList(), true);
    }

    /** One link, or 503 when meeting-link-service cannot answer. */
    public MeetingLinkResponse linkFor(BookingDetails booking, User participant, String role) {
        return gateway.links(List.of(request(booking, participant, role))).map(l -> l.get(0))
                .orElseThrow(() -> ApiException.unavailable(
                        "Meeting links are temporarily unavailable; retry shortly", 30));
    }

    private static MeetingLinkRequest request(BookingDetails booking, User participant, String role) {
        return new MeetingLinkRequest(booking.jitsiRoomId(),
                MeetingLinkRequest.Participant.named(String.valueOf(participant.id), participant.firstName,
                        participant.lastName),
                role, new MeetingLinkRequest.Session(booking.scheduledAt(), booking.duration()));
    }
}
