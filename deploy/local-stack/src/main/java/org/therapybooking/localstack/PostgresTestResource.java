package org.therapybooking.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.zip.CRC32;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a test run a fresh database on the machine's real PostgreSQL server (127.0.0.1:5432 by default; override
 * with PGHOST, PGPORT, PGUSER, PGPASSWORD), starting the server first if it is installed but stopped.
 * Init arg {@code database}: the base name of the database to (re)create; the real name carries a suffix derived
 * from the checkout's path ({@link #databaseName}), so two checkouts testing on one machine never share a database.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = databaseName(initArgs.getOrDefault("database", "test"));
    }

    /**
     * The database a test run of this checkout uses for {@code base}: {@code base_<8 hex digits>}, the digits a
     * CRC-32 of the project root (Surefire's {@code project.root}, else the working directory).
     */
    public static String databaseName(String base) {
        if (!base.matches("[a-z_][a-z0-9_]{0,40}")) {
            throw new IllegalArgumentException("unsafe database name " + base);
        }
        String root = System.getProperty("project.root", System.getProperty("user.dir"));
        CRC32 crc = new CRC32();
        crc.update(Path.of(root).toAbsolutePath().normalize().toString()
                .getBytes(StandardCharsets.UTF_8));
        return base + "_" + String.format("%08x", crc.getValue());
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

    /** A second, independent connection to this checkout's test database for {@code base}. */
    public static Connection connect(String base) throws SQLException {
        PostgresServer server = PostgresServer.fromEnvironment();
        return DriverManager.getConnection(server.jdbcUrl(databaseName(base)), server.user(), server.password());
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
