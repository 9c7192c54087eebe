package org.therapybooking.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a test run a fresh database on the machine's real PostgreSQL server (127.0.0.1:5432 by default; override
 * with PGHOST, PGPORT, PGUSER, PGPASSWORD), starting the server first if it is installed but stopped.
 * Init arg {@code database}: the database to (re)create.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", "test");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServer.fromEnvironment();
        server.ensureRunning();
        server.recreateDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password(),
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // the database stays for inspection after a failed run; the next run recreates it
    }

    /** Helper used by tests that need a second, independent connection. */
    public static Connection connect(String database) throws SQLException {
        PostgresServer server = PostgresServer.fromEnvironment();
        return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
