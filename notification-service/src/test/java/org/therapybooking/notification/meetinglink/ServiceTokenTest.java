package org.therapybooking.notification.meetinglink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;
import org.therapybooking.notification.support.TokenEndpointStub;
import org.therapybooking.localstack.testing.MeetingLinkStub;

import io.quarkus.test.junit.QuarkusTest;

/**
 * meeting-link-service answers only service tokens: this service gets one from booking-service's token endpoint
 * (client credentials, HTTP Basic, audience meeting-link-service), keeps it and sends it with every link call.
 */
@QuarkusTest
class ServiceTokenTest extends NotificationIT {

    @Test
    void linkCallsCarryTheServiceTokenFromBookingServicesTokenEndpoint() {
        int linkCallsBefore = MeetingLinkStub.authorizations().size();
        int tokenRequestsBefore = TokenEndpointStub.requests().size();
        Kafka.publish(TestEvents.created(Booking.of(901, "2026-12-01T10:00:00Z",
                TestEvents.client("Tia", "Token", "tia.901@example.org", "Europe/Berlin"),
                TestEvents.host("dr.smith.901@practice.example.org"))));
        Eventually.until("meeting-info to client and host", Duration.ofSeconds(30),
                () -> Mailbox.to("tia.901@example.org").size() == 1
                        && Mailbox.to("dr.smith.901@practice.example.org").size() == 1);

        List<String> authorizations = List.copyOf(MeetingLinkStub.authorizations()
                .subList(linkCallsBefore, MeetingLinkStub.authorizations().size()));
        assertTrue(authorizations.size() >= 2, "a link for the client and one for the host: " + authorizations);
        for (String authorization : authorizations) {
            assertTrue(authorization.startsWith("Bearer "), authorization);
            assertTrue(TokenEndpointStub.issued().contains(authorization.substring("Bearer ".length())),
                    "a token of the token endpoint");
        }
        // one token serves many calls: at most one token request for these link calls, and one token on all of them
        assertTrue(TokenEndpointStub.requests().size() - tokenRequestsBefore <= 1, TokenEndpointStub.requests().toString());
        assertEquals(1, authorizations.stream().distinct().count());

        assertFalse(TokenEndpointStub.requests().isEmpty());
        Map<String, String> tokenRequest = TokenEndpointStub.requests().get(TokenEndpointStub.requests().size() - 1);
        assertEquals("client_credentials", tokenRequest.get("grant_type"));
        assertEquals("meeting-link-service", tokenRequest.get("audience"));
        assertFalse(tokenRequest.containsKey("client_secret"), "the secret travels in the Basic header only");
    }
}
