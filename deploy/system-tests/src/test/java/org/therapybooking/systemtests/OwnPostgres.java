package org.therapybooking.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server of our own (initdb into target/, a free loopback port, trust auth), so the
 * restart scenario never touches the machine's shared server. The binaries refuse to run as root: when this JVM
 * is root they run as the {@code postgres} OS user.
 */
final class OwnPostgres {
    private final Path bin;
    private final Path dataDir;
    private final Path logFile;
    final int port;
    private long pid = -1;

    private OwnPostgres(Path bin, Path dataDir, Path logFile, int port) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
    }

    static OwnPostgres start(Path dir, int port, List<String> databases) {
        OwnPostgres pg = new OwnPostgres(findBinaries(), dir.resolve("data"), dir.resolve("postgres.log"), port);
        try {
            deleteRecursively(dir);
            Files.createDirectories(dir);
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
            }
            pg.pg("initdb", "-D", pg.dataDir.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
            pg.pgCtl("start");
            for (String db : databases) {
                pg.execute("CREATE DATABASE " + db);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pg;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** {@code pg_ctl restart -m fast}: every connection is cut, the server is back when this returns. */
    void restart() {
        pgCtl("restart");
    }

    void stop() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            pg("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        }
        if (pid > 0) {
            Processes.untrack(pid);
        }
    }

    private void pgCtl(String action) {
        if (pid > 0) {
            Processes.untrack(pid);
        }
        pg("pg_ctl", "-D", dataDir.toString(), "-l", logFile.toString(), "-m", "fast", "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off",
                action);
        try {
            pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.track(pid, "postgres", this::stop);
    }

    /** The first column of the first row of a query in {@code database}, as a number. */
    long count(String database, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), "postgres", "");
                Statement s = c.createStatement(); var rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void pg(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The newest installed server version: /usr/lib/postgresql/<version>/bin. */
    private static Path findBinaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D.*", ""))))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql", e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
