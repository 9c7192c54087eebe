package org.therapybooking.booking.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.therapybooking.booking.support.Db;
import org.therapybooking.booking.support.IntegrationTest;

import io.quarkus.test.junit.QuarkusTest;

/** Sent events older than the retention are deleted; recent and unsent ones are kept, whatever their age. */
@QuarkusTest
class OutboxRetentionTest extends IntegrationTest {

    @Inject
    OutboxRetention retention;

    @Test
    void sentEventsGoAfterNinetyDaysUnsentOnesNever() throws Exception {
        long old = api.bookingId(api.newUser().token(), api.slot(1));
        long recent = api.bookingId(api.newUser().token(), api.slot(1));
        KafkaEvents.awaitSent(Set.of(String.valueOf(old), String.valueOf(recent)));
        Timestamp ninetyOneDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(91)));
        Db.update("update outbox_event set sent_at = ?, created_at = ? where aggregate_type = 'booking' "
                + "and aggregate_id = ?", ninetyOneDaysAgo, ninetyOneDaysAgo, old);
        // an unsent row as old, held back from the relay by its next attempt
        UUID unsent = UUID.randomUUID();
        Db.update("insert into outbox_event (event_id, event_type, aggregate_type, aggregate_id, payload, created_at, "
                + "attempts, next_attempt_at) values (?, 'booking.created', 'booking', -1, '{}', ?, 0, ?)", unsent,
                ninetyOneDaysAgo, Timestamp.from(Instant.now().plus(Duration.ofDays(365))));
        try {
            assertTrue(retention.purge() >= 1);
            assertEquals(0, Db.count("select count(*) from outbox_event where aggregate_type = 'booking' "
                    + "and aggregate_id = ?", old));
            assertEquals(1, Db.count("select count(*) from outbox_event where aggregate_type = 'booking' "
                    + "and aggregate_id = ?", recent));
            assertEquals(1, Db.count("select count(*) from outbox_event where event_id = ?", unsent));
            assertEquals(0, retention.purge(), "a second run finds nothing");
        } finally {
            Db.update("delete from outbox_event where event_id = ?", unsent);
        }
    }
}
