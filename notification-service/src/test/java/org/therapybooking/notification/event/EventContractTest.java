package org.therapybooking.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.therapybooking.localstack.EventContract;
import org.therapybooking.notification.support.TestEvents;
import org.therapybooking.notification.support.TestEvents.Booking;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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
        assertEquals(Set.of(), EventContract.violations(TestEvents.expired(BOOKING.cancelled())));
        Instant joined = Instant.parse("2026-12-01T09:58:00Z");
        assertEquals(Set.of(), EventContract.violations(TestEvents.clientWaiting(BOOKING, joined)));
        assertEquals(Set.of(), EventContract.violations(TestEvents.completed(BOOKING, joined)));
        assertEquals(Set.of(), EventContract.violations(TestEvents.noShow(BOOKING)));
    }

    @Test
    void attendanceEventsMustSayWhoJoined() {
        Instant joined = Instant.parse("2026-12-01T09:58:00Z");
        ObjectNode completedWithoutJoin = TestEvents.completed(BOOKING, joined);
        ((ObjectNode) completedWithoutJoin.get("booking")).remove("client_joined_at");
        assertFalse(EventContract.violations(completedWithoutJoin).isEmpty(), "completed means the client joined");

        ObjectNode noShowWithJoin = TestEvents.noShow(BOOKING);
        ((ObjectNode) noShowWithJoin.get("booking")).put("client_joined_at", joined.toString());
        assertFalse(EventContract.violations(noShowWithJoin).isEmpty(), "a no-show has no client join");

        ObjectNode waitingForAHostWhoCame = TestEvents.clientWaiting(BOOKING, joined);
        ((ObjectNode) waitingForAHostWhoCame.get("booking")).put("host_joined_at", joined.toString());
        assertFalse(EventContract.violations(waitingForAHostWhoCame).isEmpty());

        ObjectNode completedButScheduled = TestEvents.completed(BOOKING, joined);
        ((ObjectNode) completedButScheduled.get("booking")).put("status", "scheduled");
        assertFalse(EventContract.violations(completedButScheduled).isEmpty());
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
    void theSessionEndIsTheBookedDurationAndTheSchemaRequiresIt() {
        Booking thirtyMinutes = BOOKING.withDuration(30);
        ObjectNode event = TestEvents.created(thirtyMinutes);
        assertEquals(Set.of(), EventContract.violations(event));
        assertEquals("2026-12-01T10:30:00Z", event.path("booking").path("ends_at").asText());

        ObjectNode withoutEnd = TestEvents.created(thirtyMinutes);
        ((ObjectNode) withoutEnd.get("booking")).remove("ends_at");
        assertFalse(EventContract.violations(withoutEnd).isEmpty(), "producers must send ends_at");

        BookingEvent parsed = parser().parse(event.toString()).event();
        assertEquals(30, parsed.booking().duration());
        assertEquals(Instant.parse("2026-12-01T10:30:00Z"), parsed.booking().endsAt());
        // events written before ends_at existed are still read (the end is start + duration)
        assertNull(parser().parse(withoutEnd.toString()).event().booking().endsAt());
    }

    @Test
    void anEndThatContradictsTheDurationIsPoison() {
        ObjectNode event = TestEvents.created(BOOKING.withDuration(30));
        ((ObjectNode) event.get("booking")).put("ends_at", "2026-12-01T11:00:00Z");
        PoisonMessageException poison = assertThrows(PoisonMessageException.class,
                () -> parser().parse(event.toString()));
        assertTrue(poison.getMessage().contains("booking.ends_at"), poison.getMessage());
    }

    /** The parser as the service configures it: snake_case, ISO instants, unknown fields ignored. */
    private static BookingEventParser parser() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        return new BookingEventParser(new EventJson(mapper, validator));
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
