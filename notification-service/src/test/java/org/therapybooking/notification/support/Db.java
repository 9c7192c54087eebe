package org.therapybooking.notification.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.therapybooking.localstack.PostgresTestResource;

import com.fasterxml.jackson.databind.JsonNode;

/** Direct reads of the service's tables (an independent connection, as an operator would look). */
public final class Db {
    public static final String DATABASE = "notification_test";

    private Db() {
    }

    public record Row(long id, String kind, String recipientRole, String recipientEmail, String reminderOffset,
            int sequence, boolean isUpdate, Instant dueAt, String status, int attempts, String lastError, Instant sentAt) {
    }

    public static List<Row> notifications(long bookingId) {
        try (Connection c = PostgresTestResource.connect(DATABASE);
                PreparedStatement ps = c.prepareStatement("""
                        SELECT id, kind, recipient_role, recipient_email, reminder_offset, sequence, is_update, due_at,
                               status, attempts, last_error, sent_at
                        FROM notification WHERE booking_id = ? ORDER BY id""")) {
            ps.setLong(1, bookingId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getInt(10),
                            rs.getString(11), rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant()));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The traceparent column of the booking's notification rows, by row id. */
    public static Map<Long, String> traceparents(long bookingId) {
        try (Connection c = PostgresTestResource.connect(DATABASE);
                PreparedStatement ps = c.prepareStatement("SELECT id, traceparent FROM notification WHERE booking_id = ?")) {
            ps.setLong(1, bookingId);
            Map<Long, String> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql) {
        try (Connection c = PostgresTestResource.connect(DATABASE); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection c = PostgresTestResource.connect(DATABASE); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Attempts recorded per notification row that was tried at least once. */
    public static Map<Long, Long> attempts() {
        try (Connection c = PostgresTestResource.connect(DATABASE); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, attempts FROM notification WHERE attempts > 0")) {
            Map<Long, Long> out = new HashMap<>();
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the service has applied this event (it records every applied event id). */
    public static boolean applied(JsonNode event) {
        return count("SELECT count(*) FROM processed_event WHERE event_id = '" + event.path("event_id").asText() + "'") == 1;
    }

    /** Empties the service's tables between tests (the broker and the database outlive one test). */
    public static void reset() {
        execute("TRUNCATE notification, booking, processed_event, person");
    }
}
