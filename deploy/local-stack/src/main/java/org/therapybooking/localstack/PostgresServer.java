package org.therapybooking.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The machine's PostgreSQL server, as the local stack and the tests use it. */
public record PostgresServer(String host, int port, String user, String password) {

    public static PostgresServer fromEnvironment() {
        return new PostgresServer(
                env("PGHOST", "127.0.0.1"),
                Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "postgres"),
                env("PGPASSWORD", ""));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Starts the Debian-packaged cluster when nothing answers, then waits until it accepts connections. */
    public void ensureRunning() {
        if (canConnect()) {
            return;
        }
        startDebianCluster();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (canConnect()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("PostgreSQL is not reachable at " + host + ":" + port);
    }

    public void recreateDatabase(String database) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + database, e);
        }
    }

    private boolean canConnect() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void startDebianCluster() {
        Path etc = Path.of("/etc/postgresql");
        if (!Files.isDirectory(etc)) {
            return;
        }
        try (Stream<Path> versions = Files.list(etc)) {
            for (Path version : versions.toList()) {
                Process start = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect",
                        version.getFileName().toString(), "main", "start")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/pg_ctlcluster.log")))
                        .start();
                start.waitFor(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not start PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
