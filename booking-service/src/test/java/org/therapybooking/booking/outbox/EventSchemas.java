package org.therapybooking.booking.outbox;

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

/** The event contracts in docs/events, read from disk (the single source of truth). */
final class EventSchemas {

    private static final String ID_PREFIX = "https://therapy-booking.example/events/";

    private EventSchemas() {
    }

    static Path directory() {
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

    static JsonSchema forType(String eventType) {
        String file = eventType.replace("booking.", "booking-") + ".v1.schema.json";
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, directory().toUri().toString())));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(ID_PREFIX + file), config);
    }

    /** Violations as readable text; empty when the event conforms. */
    static String violations(String eventType, JsonNode event) {
        Set<ValidationMessage> messages = forType(eventType).validate(event);
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; "));
    }
}
