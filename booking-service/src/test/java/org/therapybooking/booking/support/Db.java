package org.therapybooking.booking.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.therapybooking.localstack.PostgresTestResource;

/** Direct, independent reads of the test database (what the service committed). */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... params) {
        return query(sql, params).stream().mapToLong(row -> ((Number) row[0]).longValue()).sum();
    }

    public static int update(String sql, Object... params) {
        try (Connection connection = PostgresTestResource.connect("booking_test");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Object[]> query(String sql, Object... params) {
        try (Connection connection = PostgresTestResource.connect("booking_test");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
