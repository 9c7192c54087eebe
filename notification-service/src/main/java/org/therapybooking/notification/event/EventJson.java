package org.therapybooking.notification.event;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A record value read into its event type and validated, or {@link PoisonMessageException} saying precisely why not:
 * empty, unparseable JSON, or schema-invalid (the Bean Validation constraints of the type). Booking and account
 * events alike.
 */
@ApplicationScoped
public class EventJson {

    private final ObjectMapper mapper;
    private final Validator validator;

    EventJson(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T read(String payload, Class<T> type) {
        if (payload == null || payload.isBlank()) {
            throw new PoisonMessageException("empty record value");
        }
        T event;
        try {
            event = mapper.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("unparseable JSON: " + e.getOriginalMessage(), e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException("schema-invalid: " + violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        return event;
    }
}
