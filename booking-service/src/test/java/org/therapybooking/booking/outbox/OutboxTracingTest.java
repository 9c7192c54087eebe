package org.therapybooking.booking.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/** One booking can be followed from its request to the event on Kafka: both carry the request's trace id. */
@QuarkusTest
class OutboxTracingTest extends IntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    InMemorySpanExporter spans;

    @Test
    void thePublishedEventCarriesTheTraceOfTheRequestThatMadeIt() throws InterruptedException {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        Api.UserAccount user = api.newUser();
        long slot = api.slot(1);

        long id = api.as(user.token()).header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(Map.of("schedule_id", slot)).post("/api/bookings")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        // the outbox row remembers the request's span...
        List<Object[]> rows = Db.query("select traceparent from outbox_event where aggregate_type = 'booking' and aggregate_id = ?", id);
        assertEquals(1, rows.size());
        assertEquals(traceId, traceIdOf((String) rows.get(0)[0]));
        // ...and the record on booking.events carries the trace on
        awaitSent(id);
        KafkaEvents.Event created = KafkaEvents.readToEnd(Set.of(String.valueOf(id))).stream()
                .filter(e -> "booking.created".equals(e.eventType())).findFirst().orElseThrow();
        assertNotNull(created.traceparent(), "no traceparent header on booking.created");
        assertEquals(traceId, traceIdOf(created.traceparent()));

        // the record names the relay's producer span, a span of the request's trace
        SpanData publish = awaitSpan(traceId, span -> span.getName().equals(OutboxPublisher.PUBLISH_SPAN));
        assertEquals(publish.getSpanId(), created.traceparent().split("-")[2]);
        assertEquals(created.eventId(), publish.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("messaging.message.id")).findFirst().orElseThrow()
                .getValue());
        // and no span of the trace holds the user's e-mail address
        for (SpanData span : spans.getFinishedSpanItems()) {
            if (span.getTraceId().equals(traceId)) {
                assertFalse(span.getName().contains(user.email()), span.getName());
                assertFalse(span.getAttributes().toString().contains(user.email()), span.getAttributes().toString());
            }
        }
    }

    @Test
    void aSearchForAnAddressLeavesNoAddressInTheRequestsSpan() throws InterruptedException {
        String traceId = hex(16);
        Api.UserAccount user = api.newUser();

        api.as(api.adminToken()).header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .queryParam("q", user.email()).get("/api/admin/users").then().statusCode(200);

        SpanData request = awaitSpan(traceId, span -> span.getKind() == SpanKind.SERVER);
        String attributes = request.getAttributes().asMap().toString();
        assertFalse(attributes.contains(user.email()), attributes);
        assertEquals("redacted", request.getAttributes().get(AttributeKey.stringKey("url.query")), attributes);
    }

    private SpanData awaitSpan(String traceId, Predicate<SpanData> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            for (SpanData span : spans.getFinishedSpanItems()) {
                if (span.getTraceId().equals(traceId) && wanted.test(span)) {
                    return span;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such finished span in trace " + traceId + ": "
                + spans.getFinishedSpanItems().stream().map(SpanData::getName).toList());
    }

    private static void awaitSent(long bookingId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and sent_at is null", bookingId) > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("events of booking " + bookingId + " were not sent");
            }
            Thread.sleep(100);
        }
    }

    private static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
