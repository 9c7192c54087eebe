package org.therapybooking.booking.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.therapybooking.commons.tracing.TraceParent;

import com.fasterxml.jackson.core.JsonProcessingException;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Appends events to the outbox in the caller's transaction: a rolled-back change leaves no event behind. */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper mapper;
    private final Event<Written> written;

    public OutboxWriter(ObjectMapper mapper, Event<Written> written) {
        this.mapper = mapper;
        this.written = written;
    }

    /**
     * One event: its id and type (Kafka headers), the aggregate it is about (its type picks the topic, its id is
     * the Kafka key; both are the unit of ordering), when it happened and the payload written as JSON.
     */
    public record Message(UUID eventId, String eventType, AggregateType aggregateType, long aggregateId,
            Instant occurredAt, Object payload) {
    }

    /** What an event is about; each type has its own topic (BookingConfig.Outbox). */
    public enum AggregateType {
        BOOKING, ACCOUNT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static AggregateType of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Fired for every outbox row; observed after commit to wake the relay. */
    public record Written(long outboxId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Message message) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = message.eventId();
        row.eventType = message.eventType();
        row.aggregateType = message.aggregateType().code();
        row.aggregateId = message.aggregateId();
        try {
            row.payload = mapper.writeValueAsString(message.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + message.eventType(), e);
        }
        row.createdAt = message.occurredAt();
        row.nextAttemptAt = message.occurredAt();
        // the request's span: the relay sends it with the event, so the consumers join this trace
        row.traceparent = TraceParent.ofCurrentSpan().orElse(null);
        row.persist();
        written.fire(new Written(row.id));
    }
}
