package org.therapybooking.booking.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import org.therapybooking.localstack.FreePorts;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * notification-service's internal API as documented (docs/api.md "Internal APIs": GET /internal/people/{id}) on a
 * real port; tests stub its answer per person and read what booking-service sent through {@link #server()}.
 * notification-service's own PersonDataTest checks that the real endpoint answers in this shape.
 */
public class NotificationServiceStub implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").port(FreePorts.next()));
            server.start();
            // anyone a test did not stub: what the real service answers for a person it holds nothing about
            server.stubFor(WireMock.get(WireMock.urlPathMatching("/internal/people/[0-9]+")).atPriority(10)
                    .willReturn(WireMock.aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"user_id\": {{request.pathSegments.[2]}}, \"profile\": null, "
                                    + "\"bookings\": [], \"notifications\": []}")
                            .withTransformers("response-template")));
        }
        return Map.of("quarkus.rest-client.notification-service.url", "http://127.0.0.1:" + server.port());
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static WireMockServer server() {
        return server;
    }

    /** The documented answer for a person who got one meeting-info email. */
    public static String person(long userId, String email) {
        return """
                {"user_id": %1$d,
                 "profile": null,
                 "bookings": [{"booking_id": 311, "role": "client", "status": "scheduled",
                               "scheduled_at": "2026-12-20T10:00:00Z", "first_name": "Zoë", "last_name": "O'Brien",
                               "email": "%2$s", "time_zone": "Europe/Berlin"}],
                 "notifications": [{"id": 9, "booking_id": 311, "kind": "meeting_info", "recipient_role": "client",
                                    "recipient_email": "%2$s", "status": "sent", "due_at": "2026-12-10T10:00:00Z",
                                    "sent_at": "2026-12-10T10:00:01Z", "created_at": "2026-12-10T10:00:00Z"}]}
                """.formatted(userId, email);
    }
}
