package org.therapybooking.booking.outbox;

/** An unsent outbox row as the relay claimed it. */
record OutboxRow(long id, String eventId, String eventType, long aggregateId, String payload, int attempts) {
}
