package org.therapybooking.booking.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** The relay's SQL: claiming due rows, and recording what became of them, on the caller's connection. */
@ApplicationScoped
class OutboxClaims {

    /** Longest {@code last_error} kept. */
    private static final int MAX_ERROR_LENGTH = 1000;

    /**
     * Locks up to {@code limit} due rows in id order ({@code FOR UPDATE SKIP LOCKED}: replicas never claim the
     * same row). A row waits while an earlier row of the same aggregate is unsent (backing off, or claimed by
     * another replica), so one booking's (or account's) events reach Kafka in the order they were written.
     */
    List<OutboxRow> claim(Connection connection, Instant now, int limit) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select o.id, o.event_id, o.event_type, "
                + "o.aggregate_type, o.aggregate_id, o.payload, o.attempts, o.traceparent from outbox_event o "
                + "where o.sent_at is null and o.next_attempt_at <= ? and not exists (select 1 from outbox_event "
                + "earlier where earlier.aggregate_type = o.aggregate_type and earlier.aggregate_id = o.aggregate_id "
                + "and earlier.sent_at is null and earlier.id < o.id) "
                + "order by o.id limit ? for update of o skip locked")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            OutboxWriter.AggregateType.of(rs.getString(4)), rs.getLong(5), rs.getString(6),
                            rs.getInt(7), rs.getString(8)));
                }
            }
        }
        return rows;
    }

    void markSent(Connection connection, Collection<Long> ids, Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set sent_at = ?, attempts = attempts + 1 where id = any (?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            update.setTimestamp(1, Timestamp.from(now));
            update.setArray(2, array);
            update.executeUpdate();
        }
    }

    void markFailed(Connection connection, long id, String error, Instant nextAttempt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update outbox_event set attempts = attempts "
                + "+ 1, next_attempt_at = ?, last_error = ? where id = ?")) {
            update.setTimestamp(1, Timestamp.from(nextAttempt));
            update.setString(2, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }
}
