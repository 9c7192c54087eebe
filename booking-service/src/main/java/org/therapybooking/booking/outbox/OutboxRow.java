package org.therapybooking.booking.outbox;

/** An unsent outbox row as the relay claimed it; {@code traceparent} is null when tracing was off. */
record OutboxRow(long id, String eventId, String eventType, OutboxWriter.AggregateType aggregateType,
        long aggregateId, String payload, int attempts, String traceparent) {
}
