package org.therapybooking.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.EventContract;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The events the tests feed the consumer are the ones docs/events allows, and the schemas really are checked. */
class EventContractTest {

    private static final Booking BOOKING = Booking.of(123, "2026-12-01T10:00:00Z",
            TestEvents.client("Zoë", "O'Brien", "zoe@example.org", "Europe/Berlin"),
            TestEvents.host("dr.smith@practice.example.org"));

    @Test
    void everyEventTypeTheTestsPublishMatchesItsSchema() {
        assertEquals(Set.of(), EventContract.violations(TestEvents.created(BOOKING)));
        assertEquals(Set.of(), EventContract.violations(TestEvents.paid(BOOKING)));
        assertEquals(Set.of(), EventContract.violations(TestEvents.rescheduled(BOOKING, BOOKING.rescheduledTo("2026-12-02T10:00:00Z"))));
        assertEquals(Set.of(), EventContract.violations(TestEvents.cancelled(BOOKING.cancelled(), "admin")));
    }

    @Test
    void schemasRejectWhatTheContractForbids() {
        ObjectNode missingRecipient = TestEvents.created(BOOKING);
        missingRecipient.remove("recipient");
        assertFalse(EventContract.violations(missingRecipient).isEmpty());

        ObjectNode extraField = TestEvents.created(BOOKING);
        extraField.put("surprise", true);
        assertFalse(EventContract.violations(extraField).isEmpty(), "unevaluatedProperties: false");

        ObjectNode floatAmount = TestEvents.created(BOOKING);
        ((ObjectNode) floatAmount.get("booking")).put("amount", 100.0);
        assertFalse(EventContract.violations(floatAmount).isEmpty());

        ObjectNode cancelledWithoutWho = TestEvents.cancelled(BOOKING.cancelled(), "client");
        cancelledWithoutWho.remove("cancelled_by");
        assertFalse(EventContract.violations(cancelledWithoutWho).isEmpty());
    }

    @Test
    void theReadmeExampleIsAValidCreatedEvent() throws Exception {
        String readme = Files.readString(EventContract.eventsDir().resolve("README.md"));
        String json = readme.substring(readme.indexOf("```json") + 7, readme.indexOf("```", readme.indexOf("```json") + 7));
        var example = new ObjectMapper().readTree(json);
        // the example's host address uses the reserved .example TLD, which the validator's email format check
        // (a TLD list) rejects; everything else in it must match
        Set<String> violations = EventContract.violations(example);
        assertTrue(violations.stream().allMatch(v -> v.contains("/host/email") || v.contains("is not evaluated")),
                violations.toString());
    }
}
