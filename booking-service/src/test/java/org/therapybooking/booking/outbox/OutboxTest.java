package org.therapybooking.booking.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.booking.BookingService;
import org.therapybooking.booking.common.BookingConfig;
import org.therapybooking.booking.payment.WebhookSignature;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.EventContract;
import org.therapybooking.localstack.KafkaTestResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class OutboxTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UGLY_FIRST = "Zoë \"Zo\" & #1 😀";
    private static final String UGLY_LAST = "O'Brien-שלום";
    private static final Duration HELD_BACK = Duration.ofMinutes(10);

    @Inject
    BookingService bookingService;

    @Inject
    OutboxRelay relay;

    @Inject
    BookingConfig config;

    private static List<String> eventIds(Set<String> bookingIds) {
        List<String> ids = new ArrayList<>();
        for (String booking : bookingIds) {
            for (Object[] row : Db.query("select event_id::text from outbox_event where aggregate_type = 'booking' and aggregate_id = ?",
                    Long.parseLong(booking))) {
                ids.add((String) row[0]);
            }
        }
        return ids;
    }

    @Test
    void eventsMadeWhileKafkaIsDownArriveExactlyOnceWhenItIsBack() throws Exception {
        Set<String> bookingIds = new HashSet<>();
        KafkaTestResource.broker().stop();
        try {
            for (int i = 0; i < 4; i++) {
                Api.UserAccount user = api.newUser();
                long id = api.bookingId(user.token(), api.slot(1));
                bookingIds.add(String.valueOf(id));
                if (i == 0) {
                    api.as(user.token()).post("/api/bookings/" + id + "/cancel").then().statusCode(200);
                }
            }
            List<String> expected = eventIds(bookingIds);
            assertEquals(5, expected.size());
            // nothing could be sent while the broker was down
            for (String booking : bookingIds) {
                assertEquals(0, Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? "
                        + "and sent_at is not null", Long.parseLong(booking)));
            }
        } finally {
            KafkaTestResource.broker().restart();
        }
        List<String> expected = eventIds(bookingIds);
        // the relay marks a row sent only after the broker acknowledged it
        KafkaEvents.awaitSent(bookingIds);
        List<KafkaEvents.Event> events = KafkaEvents.readToEnd(bookingIds);
        Map<String, Long> perEventId = events.stream()
                .collect(Collectors.groupingBy(KafkaEvents.Event::eventId, Collectors.counting()));
        assertEquals(new HashSet<>(expected), perEventId.keySet());
        perEventId.forEach((id, count) -> assertEquals(1L, count, "event " + id + " delivered " + count + " times"));
        for (KafkaEvents.Event event : events) {
            JsonNode body = read(event.value());
            assertEquals(event.key(), body.path("booking_id").asText());
            assertEquals(event.eventType(), body.path("event_type").asText());
            assertEquals(event.eventId(), body.path("event_id").asText());
        }
        // and the relay marked them all sent
        for (String booking : bookingIds) {
            assertEquals(0, Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and sent_at is null",
                    Long.parseLong(booking)));
        }
    }

    @Test
    void everyEventTypeMatchesItsSchemaAndCarriesUglyNamesIntact() throws Exception {
        Api.UserAccount user = api.newUser(UGLY_FIRST, UGLY_LAST);
        long id = api.bookingId(user.token(), api.slot(1));
        api.as(user.token()).body(Map.of("schedule_id", api.slot(1))).put("/api/bookings/" + id + "/reschedule")
                .then().statusCode(200);
        String payment = "{\"id\":\"evt_" + UUID.randomUUID() + "\",\"type\":\"payment_intent.succeeded\","
                + "\"data\":{\"object\":{\"amount\":10000,\"currency\":\"eur\",\"metadata\":{\"booking_id\":\"" + id
                + "\"}}}}";
        RestAssured.given().contentType("application/json").header("Stripe-Signature", WebhookSignature.header(
                Instant.now().getEpochSecond(), payment.getBytes(StandardCharsets.UTF_8), "whsec_test_only_secret"))
                .body(payment.getBytes(StandardCharsets.UTF_8)).post("/api/payments/webhook").then().statusCode(200);
        api.as(user.token()).body(Map.of("reason", "moving away")).post("/api/bookings/" + id + "/cancel").then()
                .statusCode(200);

        KafkaEvents.awaitSent(Set.of(String.valueOf(id)));
        List<KafkaEvents.Event> events = KafkaEvents.readToEnd(Set.of(String.valueOf(id)));
        Map<String, JsonNode> byType = new HashMap<>();
        for (KafkaEvents.Event event : events) {
            JsonNode body = read(event.value());
            Set<String> violations = EventContract.violations(event.eventType(), body);
            assertTrue(violations.isEmpty(), event.eventType() + ": " + violations + " in " + event.value());
            byType.put(event.eventType(), body);
        }
        assertEquals(Set.of("booking.created", "booking.rescheduled", "booking.paid", "booking.cancelled"),
                byType.keySet());
        JsonNode created = byType.get("booking.created");
        assertEquals(UGLY_FIRST, created.path("recipient").path("first_name").asText());
        assertEquals(UGLY_LAST, created.path("recipient").path("last_name").asText());
        assertEquals(user.email(), created.path("recipient").path("email").asText());
        assertEquals("Europe/Berlin", created.path("recipient").path("time_zone").asText());
        assertEquals(Api.ADMIN_EMAIL, created.path("host").path("email").asText());
        assertEquals("100.00", created.path("booking").path("amount").asText());
        assertEquals(0, created.path("booking").path("sequence").asInt());
        JsonNode rescheduled = byType.get("booking.rescheduled");
        assertEquals(created.path("booking").path("jitsi_room_id").asText(),
                rescheduled.path("previous_jitsi_room_id").asText());
        assertEquals(created.path("booking").path("scheduled_at").asText(),
                rescheduled.path("previous_scheduled_at").asText());
        assertEquals(1, rescheduled.path("booking").path("sequence").asInt());
        assertEquals("succeeded", byType.get("booking.paid").path("booking").path("payment_status").asText());
        JsonNode cancelled = byType.get("booking.cancelled");
        assertEquals("client", cancelled.path("cancelled_by").asText());
        assertEquals("moving away", cancelled.path("reason").asText());
        assertEquals(2, cancelled.path("booking").path("sequence").asInt());
    }

    @Test
    void severalRelaysRunningAtOnceStillSendEachEventOnce() throws Exception {
        // relayOnce() bypasses the in-process guard, like relays of separate replicas sharing the database
        Set<String> bookingIds = new HashSet<>();
        KafkaTestResource.broker().stop();
        try {
            for (int i = 0; i < 6; i++) {
                bookingIds.add(String.valueOf(api.bookingId(api.newUser().token(), api.slot(1))));
            }
        } finally {
            KafkaTestResource.broker().restart();
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 5; round++) {
                        relay.relayOnce();
                        Thread.sleep(200);
                    }
                    return null;
                }));
            }
            for (var run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> expected = eventIds(bookingIds);
        KafkaEvents.awaitSent(bookingIds);
        List<KafkaEvents.Event> events = KafkaEvents.readToEnd(bookingIds);
        Map<String, Long> perEventId = events.stream()
                .collect(Collectors.groupingBy(KafkaEvents.Event::eventId, Collectors.counting()));
        assertEquals(new HashSet<>(expected), perEventId.keySet());
        perEventId.forEach((id, count) -> assertEquals(1L, count, "event " + id + " delivered " + count + " times"));
    }

    @Test
    void aBookingsLaterEventWaitsWhileItsEarlierEventIsBackingOff() throws Exception {
        Api.UserAccount held = api.newUser();
        Api.UserAccount other = api.newUser();
        long heldId;
        long otherId;
        KafkaTestResource.broker().stop();
        try {
            heldId = api.bookingId(held.token(), api.slot(1));
            api.as(held.token()).post("/api/bookings/" + heldId + "/cancel").then().statusCode(200);
            otherId = api.bookingId(other.token(), api.slot(1));
            // the booking's first event backs off for ten minutes (far beyond the relay's own backoff, short of
            // the unpaid hold's expiry); its cancellation is due now
            Instant now = clock.instant();
            Db.update("update outbox_event set next_attempt_at = ? where id = "
                    + "(select min(id) from outbox_event where aggregate_type = 'booking' and aggregate_id = ?)", utc(now.plus(HELD_BACK)), heldId);
            Db.update("update outbox_event set next_attempt_at = ? where aggregate_id = ? "
                    + "and id > (select min(id) from outbox_event where aggregate_type = 'booking' and aggregate_id = ?)", utc(now), heldId, heldId);
        } finally {
            KafkaTestResource.broker().restart();
        }
        try {
            // past whatever backoff the outage gave the unrelated booking (at most the maximum), not the held one
            clock.advanceTo(clock.instant().plus(config.outbox().maxBackoff()).plusSeconds(1));
            long deadline = System.currentTimeMillis() + 60_000;
            while (Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and sent_at is null", otherId) > 0
                    && System.currentTimeMillis() < deadline) {
                relay.relayOnce();
                Thread.sleep(200);
            }
            assertEquals(0, Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and sent_at is null",
                    otherId), "an unrelated booking's event is not held up");
            assertEquals(2, Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and sent_at is null",
                    heldId), "the cancellation must not overtake the booking's unsent creation event");

            clock.advanceTo(clock.instant().plus(HELD_BACK));
            KafkaEvents.awaitSent(Set.of(String.valueOf(heldId)));
        } finally {
            clock.reset();
        }
        List<KafkaEvents.Event> events = KafkaEvents.readToEnd(Set.of(String.valueOf(heldId)));
        assertEquals(List.of("booking.created", "booking.cancelled"),
                events.stream().map(KafkaEvents.Event::eventType).toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Test
    void theSchemasRejectAnEventThatBreaksTheContract() {
        // proves the validation above can fail: a float amount and an unknown field
        JsonNode bad = read("{\"event_id\":\"" + UUID.randomUUID() + "\",\"event_type\":\"booking.created\","
                + "\"event_version\":1,\"occurred_at\":\"2026-11-20T09:15:02.120Z\",\"booking_id\":1,"
                + "\"booking\":{\"id\":1,\"status\":\"scheduled\",\"scheduled_at\":\"2026-12-01T10:00:00Z\","
                + "\"duration\":60,\"jitsi_room_id\":\"booking-1-1795000000-k3x9q2m7\",\"jitsi_room_url\":"
                + "\"https://meet.jit.si/booking-1-1795000000-k3x9q2m7\",\"amount\":100.0,\"currency\":\"EUR\","
                + "\"payment_status\":\"pending\",\"sequence\":0},\"recipient\":{\"user_id\":2,\"first_name\":\"A\","
                + "\"last_name\":\"B\",\"email\":\"a@example.org\",\"time_zone\":\"UTC\"},\"host\":{\"user_id\":1,"
                + "\"first_name\":\"C\",\"last_name\":\"D\",\"email\":\"c@example.org\",\"time_zone\":\"UTC\"},"
                + "\"cancelled_by\":\"client\"}");
        assertFalse(EventContract.violations("booking.created", bad).isEmpty());
    }

    @Test
    void aRolledBackBookingLeavesNeitherBookingNorOutboxRow() {
        Api.UserAccount user = api.newUser();
        long slot = api.slot(1);
        long outboxBefore = Db.count("select count(*) from outbox_event");
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            bookingService.book(user.id(), slot, null, null);
            throw new IllegalStateException("a later step of the same transaction fails");
        }));
        assertEquals(outboxBefore, Db.count("select count(*) from outbox_event"));
        assertEquals(0, Db.count("select count(*) from booking where schedule_id = ?", slot));
        // the place is still free
        api.book(user.token(), slot).statusCode(201);
        assertEquals(outboxBefore + 1, Db.count("select count(*) from outbox_event"));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
