package org.therapybooking.notification.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.testing.MeetingLinkStub;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.Kafka;
import org.therapybooking.notification.support.Mailbox;
import org.therapybooking.notification.support.NotificationIT;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An email can be followed back to the booking request: the send runs in a span of the trace the event's record
 * carried (its traceparent header), via the traceparent stored on the planned rows.
 */
@QuarkusTest
@TestProfile(SendTracingTest.TracingOn.class)
class SendTracingTest extends NotificationIT {

    /** Tracing is off by default (also in the other tests); this test switches it on as an operator would. */
    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false");
        }
    }


    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AttributeKey<Long> NOTIFICATION_ID = AttributeKey.longKey("notification.id");
    private static final AttributeKey<String> NOTIFICATION_KIND = AttributeKey.stringKey("notification.kind");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theEmailIsSentInTheTraceOfTheEventThatPlannedIt() {
        String traceId = hex(16);
        String recordSpanId = hex(8);
        String traceparent = "00-" + traceId + "-" + recordSpanId + "-01";
        Booking booking = Booking.of(9101, "2026-12-01T10:00:00Z",
                TestEvents.client("Zoë", "O'Brien", "zoe.9101@example.org", "Europe/Berlin"),
                TestEvents.host("dr.smith.9101@practice.example.org"));

        Kafka.publish(TestEvents.created(booking), traceparent);
        Eventually.until("meeting-info to the client", Duration.ofSeconds(30),
                () -> Mailbox.to("zoe.9101@example.org").size() == 1);

        // every row the event planned (meeting-info and reminders) keeps the record's traceparent
        Map<Long, String> stored = Db.traceparents(9101);
        assertFalse(stored.isEmpty());
        stored.forEach((id, value) -> assertEquals(traceparent, value, "row " + id));

        long clientRow = Db.notifications(9101).stream()
                .filter(r -> r.kind().equals("meeting_info") && r.recipientRole().equals("client"))
                .findFirst().orElseThrow().id();
        SpanData send = awaitSendSpan(clientRow);
        assertEquals(traceId, send.getTraceId());
        assertEquals(recordSpanId, send.getParentSpanId());
        assertEquals("meeting_info", send.getAttributes().get(NOTIFICATION_KIND));

        // nothing personal in any span of the trace: no address, name or join link
        String link = MeetingLinkStub.expectedUrl(booking.room(), "client", "Zoë", "O'Brien");
        List<String> personal = List.of("@", "Zoë", "O'Brien", "Dana", "Smith", link);
        for (SpanData span : spans.getFinishedSpanItems()) {
            if (span.getTraceId().equals(traceId)) {
                String text = span.getName() + " " + span.getAttributes().asMap().values();
                personal.forEach(p -> assertFalse(text.contains(p), span.getName() + " holds " + p + ": " + text));
            }
        }
    }

    @Test
    void anEventWithAMalformedTraceparentIsHandledAndItsEmailStartsANewTrace() {
        Booking booking = Booking.of(9102, "2026-12-01T10:00:00Z",
                TestEvents.client("Ana", "Lima", "ana.9102@example.org", "Europe/Lisbon"),
                TestEvents.host("dr.smith.9102@practice.example.org"));

        Kafka.publish(TestEvents.created(booking), "00-not-a-trace-" + "x".repeat(80));
        Eventually.until("meeting-info to the client", Duration.ofSeconds(30),
                () -> Mailbox.to("ana.9102@example.org").size() == 1);

        Db.traceparents(9102).forEach((id, value) -> assertNull(value, "row " + id));
        long clientRow = Db.notifications(9102).stream()
                .filter(r -> r.kind().equals("meeting_info") && r.recipientRole().equals("client"))
                .findFirst().orElseThrow().id();
        assertEquals(SpanId.getInvalid(), awaitSendSpan(clientRow).getParentSpanId());
    }

    private SpanData awaitSendSpan(long notificationId) {
        Eventually.until("send span of notification " + notificationId, Duration.ofSeconds(10),
                () -> sendSpan(notificationId).isPresent());
        return sendSpan(notificationId).orElseThrow();
    }

    private Optional<SpanData> sendSpan(long notificationId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(NotificationDispatcher.SEND_SPAN)
                        && Long.valueOf(notificationId).equals(s.getAttributes().get(NOTIFICATION_ID)))
                .findFirst();
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
