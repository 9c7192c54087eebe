package org.therapybooking.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The event contract for producer and consumer tests alike: the JSON Schemas in docs/events (read from disk via
 * the {@code project.root} system property; their $id prefix is mapped onto that directory so $refs resolve
 * offline). Format assertions are on (date-time, uuid, uri).
 */
public final class EventContract {

    public static final String ID_PREFIX = "https://therapy-booking.example/events/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, eventsDir().toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private EventContract() {
    }

    public static Path eventsDir() {
        String root = System.getProperty("project.root");
        if (root == null) {
            throw new IllegalStateException("system property project.root is not set (surefire sets it)");
        }
        Path dir = Path.of(root, "docs", "events");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no event schemas at " + dir);
        }
        return dir;
    }

    public static String schemaFileFor(String eventType) {
        return switch (eventType) {
            case "booking.created" -> "booking-created.v1.schema.json";
            case "booking.paid" -> "booking-paid.v1.schema.json";
            case "booking.rescheduled" -> "booking-rescheduled.v1.schema.json";
            case "booking.cancelled" -> "booking-cancelled.v1.schema.json";
            case "booking.expired" -> "booking-expired.v1.schema.json";
            case "booking.completed" -> "booking-completed.v1.schema.json";
            case "booking.no_show" -> "booking-no-show.v1.schema.json";
            case "booking.client_waiting" -> "booking-client-waiting.v1.schema.json";
            case "account.password_reset_requested" -> "account-password-reset-requested.v1.schema.json";
            case "account.password_changed" -> "account-password-changed.v1.schema.json";
            case "account.updated" -> "account-updated.v1.schema.json";
            case "account.erased" -> "account-erased.v1.schema.json";
            case "account.invited" -> "account-invited.v1.schema.json";
            case "account.email_verification_requested" -> "account-email-verification-requested.v1.schema.json";
            default -> throw new IllegalArgumentException("no schema for " + eventType);
        };
    }

    /** Violations of the schema named by the event's own {@code event_type}; empty when it conforms. */
    public static Set<String> violations(JsonNode event) {
        return violations(event.path("event_type").asText(), event);
    }

    /** Violations of the schema of {@code eventType} (e.g. the Kafka header's type); empty when it conforms. */
    public static Set<String> violations(String eventType, JsonNode event) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(ID_PREFIX + schemaFileFor(eventType)), CONFIG);
        return schema.validate(event).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    /** Fails when the event does not match its schema: tests only feed the consumer events the contract allows. */
    public static JsonNode requireValid(JsonNode event) {
        Set<String> violations = violations(event);
        if (!violations.isEmpty()) {
            throw new AssertionError("event violates docs/events contract: " + violations + "\n" + event.toPrettyString());
        }
        return event;
    }
}
