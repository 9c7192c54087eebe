package org.therapybooking.booking.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.therapybooking.booking.outbox.KafkaEvents;
import org.therapybooking.booking.outbox.OutboxRelay;
import org.therapybooking.booking.support.Api;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;
import org.therapybooking.localstack.EventContract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The optional payment hold (PT30M in the test profile; its schedule never fires by itself in tests). */
@QuarkusTest
class PaymentHoldTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    UnpaidHoldExpiry expiry;

    @Inject
    OutboxRelay relay;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anUnpaidBookingPastTheHoldIsCancelledOnceItsPlaceFreedAndBookingExpiredPublished() throws Exception {
        Instant start = Instant.now();
        clock.advanceTo(start);
        Api.UserAccount client = api.newUser();
        // accounts first: tokens are issued by the service's clock, verified on real time
        String youngClient = api.newUser().token();
        String nextClient = api.newUser().token();
        long slot = api.slot(1);
        long unpaid = api.bookingId(client.token(), slot);
        long paid = api.bookingId(api.newUser().token(), api.slot(1));
        Db.update("update booking set payment_status = 'succeeded' where id = ?", paid);

        // within the hold: nothing happens
        clock.advanceTo(start.plus(Duration.ofMinutes(29)));
        expiry.expireDue();
        assertEquals("scheduled", status(unpaid));

        clock.advanceTo(start.plus(Duration.ofMinutes(31)));
        long young = api.bookingId(youngClient, api.slot(1));
        // two replicas at once, then another run: each booking expires once
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = replicas.invokeAll(List.of(expiry::expireDue, expiry::expireDue));
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            replicas.shutdown();
        }
        expiry.expireDue();

        assertEquals("cancelled", status(unpaid));
        assertEquals("scheduled", status(paid));
        assertEquals("scheduled", status(young));
        assertEquals(0, expiredEvents(paid) + expiredEvents(young));
        assertEquals(1, expiredEvents(unpaid));
        // the place is free again, as after a cancel
        api.book(nextClient, slot).statusCode(201);

        sendAll(unpaid);
        List<KafkaEvents.Event> expired = KafkaEvents.readToEnd(Set.of(String.valueOf(unpaid))).stream()
                .filter(e -> e.eventType().equals("booking.expired")).toList();
        assertEquals(1, expired.size(), "booking.expired on the broker exactly once");
        JsonNode body = JSON.readTree(expired.get(0).value());
        assertEquals(Set.of(), EventContract.violations("booking.expired", body));
        assertEquals("cancelled", body.path("booking").path("status").asText());
        assertEquals("pending", body.path("booking").path("payment_status").asText());
        assertEquals(1, body.path("booking").path("sequence").asInt());
        assertEquals(client.email(), body.path("recipient").path("email").asText());
        api.as(client.token()).get("/api/bookings/" + unpaid).then().statusCode(200);
    }

    private static String status(long booking) {
        return (String) Db.query("select status from booking where id = ?", booking).get(0)[0];
    }

    private static long expiredEvents(long booking) {
        return Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and event_type = ?", booking,
                "booking.expired");
    }

    /** Relays until every event of the booking is acknowledged by the broker. */
    private void sendAll(long booking) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (Db.count("select count(*) from outbox_event where aggregate_type = 'booking' and aggregate_id = ? and sent_at is null", booking) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events of booking " + booking + " were not sent");
            }
            relay.relayOnce();
        }
    }
}
