package org.therapybooking.notification.meetinglink;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.therapybooking.meetinglink.api.MeetingLinkRequest;
import org.therapybooking.meetinglink.api.MeetingLinkResponse;
import org.therapybooking.notification.booking.BookingRecord;

/**
 * Asks meeting-link-service for a recipient's personalized join link at send time (links are never stored).
 * Failures are not retried here: the notification goes back to its queue and the notification retry policy
 * (backoff with jitter) decides when to try again. How long one call may take is the REST client's
 * connect/read timeout ({@code quarkus.rest-client.meeting-link.*}); the circuit breaker keeps a dead service
 * from slowing every send down to that timeout (its values can be overridden under
 * {@code quarkus.fault-tolerance."org.therapybooking.notification.meetinglink.MeetingLinks/joinUrl".circuit-breaker.*}).
 */
@ApplicationScoped
public class MeetingLinks {

    private final MeetingLinkClient client;

    public MeetingLinks(@RestClient MeetingLinkClient client) {
        this.client = client;
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public String joinUrl(BookingRecord booking, BookingRecord.Participant participant) {
        MeetingLinkRequest request = new MeetingLinkRequest(
                booking.jitsiRoomId,
                MeetingLinkRequest.Participant.named(Long.toString(participant.userId()), participant.firstName(),
                        participant.lastName()),
                participant.role().code(),
                new MeetingLinkRequest.Session(booking.scheduledAt, booking.durationMinutes));
        MeetingLinkResponse response;
        try {
            response = client.create(request);
        } catch (RuntimeException e) {
            throw new MeetingLinkUnavailableException("meeting-link-service call failed: " + e.getMessage(), e);
        }
        String url = response == null ? null : response.meetingUrl();
        // the link ends up in an href: accept web links only
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            throw new MeetingLinkUnavailableException("meeting-link-service returned no usable meeting_url", null);
        }
        return url;
    }
}
