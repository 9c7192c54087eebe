package org.therapybooking.notification.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.therapybooking.localstack.GreenMailTestResource;
import org.therapybooking.localstack.PostgresTestResource;
import org.therapybooking.notification.dispatch.NotificationDispatcher;
import org.therapybooking.notification.dispatch.ClaimRepository;
import org.therapybooking.notification.support.Db;
import org.therapybooking.notification.support.Eventually;
import org.therapybooking.notification.support.NotificationIT;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Not part of the normal run ({@code -Pbenchmark}). Measures (1) how long N reminders that fall due at once take
 * to go out through a real local SMTP sink (GreenMail), with one and with several workers, and (2) how the claim
 * query's cost changes from 10k to 1M stored notifications, with EXPLAIN ANALYZE. Writes
 * target/benchmark/notification-benchmark.md; numbers are measurements, nothing is asserted on them.
 */
@QuarkusTest
@Tag("benchmark")
class DispatchBenchmarkTest extends NotificationIT {

    private static final int DUE_AT_ONCE = Integer.getInteger("bench.due", 5000);
    private static final int[] STORED = { 10_000, 100_000, 1_000_000 };
    private static final int DUE_IN_STORE = 100;
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @Inject
    NotificationDispatcher dispatcher;
    @Inject
    Scheduler scheduler;

    private final StringBuilder report = new StringBuilder();

    @AfterEach
    void resume() {
        scheduler.resume(NotificationDispatcher.JOB);
        Db.reset();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void run() throws Exception {
        scheduler.pause(NotificationDispatcher.JOB);
        Eventually.quietFor(Duration.ofMillis(1500));
        clock.set(NOW);
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs visible to the JVM (shared with other work), "
                + "PostgreSQL on loopback, GreenMail SMTP in the test JVM, meeting-link-service contract stub in the test JVM.");
        line("");
        line("### " + DUE_AT_ONCE + " reminders due at once → sent through SMTP");
        line("");
        line("| workers | batch size | wall time | emails/s |");
        line("|---|---|---|---|");
        for (int workers : new int[] { 1, 4 }) {
            sendBenchmark(workers);
        }
        line("");
        line("Each send = claim (SKIP LOCKED) + a meeting-link-service call for the personal link + render (Qute, ICS) "
                + "+ SMTP + mark sent; every email arrived exactly once (checked by notification id).");
        line("");
        claimBenchmark();
        Path out = Path.of("target", "benchmark", "notification-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n===== notification benchmark =====\n" + report);
    }

    private void sendBenchmark(int workers) throws Exception {
        Db.reset();
        purgeMailbox();
        insertStore(DUE_AT_ONCE, DUE_AT_ONCE);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                int total = 0;
                int n;
                while ((n = dispatcher.dispatchOnce()) > 0) {
                    total += n;
                }
                return total;
            }));
        }
        int claimed = 0;
        for (Future<Integer> f : futures) {
            claimed += f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        int received = GreenMailTestResource.greenMail().getReceivedMessages().length;
        long distinct = java.util.Arrays.stream(GreenMailTestResource.greenMail().getReceivedMessages())
                .map(m -> {
                    try {
                        return m.getHeader("X-Therapy-Notification-Id")[0];
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).distinct().count();
        if (claimed != DUE_AT_ONCE || received != DUE_AT_ONCE || distinct != DUE_AT_ONCE) {
            throw new IllegalStateException("claimed " + claimed + ", received " + received + ", distinct " + distinct);
        }
        double seconds = elapsed / 1e9;
        line(String.format(Locale.ROOT, "| %d | %s | %.1f s | %.0f |", workers,
                org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("notifications.dispatch.batch-size", String.class),
                seconds, DUE_AT_ONCE / seconds));
    }

    private static void purgeMailbox() throws Exception {
        GreenMailTestResource.greenMail().purgeEmailFromAllMailboxes();
    }

    /**
     * Stores {@code total} notifications of which {@code due} are pending and due now; of the rest, 90 % are
     * history (sent) and 10 % pending in the future — the shape of a long-running store.
     */
    private void insertStore(int total, int due) throws SQLException {
        try (Connection c = PostgresTestResource.connect(Db.DATABASE); Statement s = c.createStatement()) {
            s.execute("TRUNCATE notification, booking, processed_event");
            s.execute("""
                    INSERT INTO booking (booking_id, status, scheduled_at, duration_minutes, jitsi_room_id, jitsi_room_url,
                        sequence, payment_status, notifications_planned, client_user_id, client_first_name, client_last_name,
                        client_email, client_time_zone, host_user_id, host_first_name, host_last_name, host_email,
                        host_time_zone, updated_at)
                    SELECT g, 'scheduled', TIMESTAMPTZ '2026-12-01 10:00:00Z', 50, 'booking-' || g || '-1795000000-bench',
                        'https://meet.jit.si/booking-' || g || '-1795000000-bench', 0, 'succeeded', true,
                        g, 'Client', 'No' || g, 'client.' || g || '@example.org', 'Europe/Berlin',
                        1, 'Dana', 'Smith', 'dr.smith@practice.example.org', 'Europe/Berlin', now()
                    FROM generate_series(1, %d) g""".formatted(Math.min(total, due)));
            s.execute("""
                    INSERT INTO notification (booking_id, recipient_role, recipient_email, kind, reminder_offset, sequence,
                        due_at, status, attempts, next_attempt_at, sent_at, created_at, updated_at)
                    SELECT 1 + (g %% %d), 'client', 'client.' || (1 + (g %% %d)) || '@example.org', 'reminder', 'PT24H', 0,
                        CASE WHEN g <= %d THEN TIMESTAMPTZ '2026-11-30 10:00:00Z' - (g || ' seconds')::interval
                             WHEN g %% 10 = 0 THEN TIMESTAMPTZ '2026-12-01 00:00:00Z' + (g || ' seconds')::interval
                             ELSE TIMESTAMPTZ '2026-01-01 00:00:00Z' + (g || ' seconds')::interval END,
                        CASE WHEN g <= %d THEN 'pending' WHEN g %% 10 = 0 THEN 'pending' ELSE 'sent' END,
                        CASE WHEN g <= %d OR g %% 10 = 0 THEN 0 ELSE 1 END,
                        CASE WHEN g <= %d THEN TIMESTAMPTZ '2026-11-30 10:00:00Z' - (g || ' seconds')::interval
                             WHEN g %% 10 = 0 THEN TIMESTAMPTZ '2026-12-01 00:00:00Z' + (g || ' seconds')::interval
                             ELSE TIMESTAMPTZ '2026-01-01 00:00:00Z' + (g || ' seconds')::interval END,
                        CASE WHEN g <= %d OR g %% 10 = 0 THEN NULL ELSE TIMESTAMPTZ '2026-01-01 00:00:00Z' END,
                        now(), now()
                    FROM generate_series(1, %d) g""".formatted(Math.min(total, due), Math.min(total, due), due, due, due,
                    due, due, total));
            s.execute("ANALYZE notification");
            s.execute("ANALYZE booking");
        }
    }

    private void claimBenchmark() throws SQLException {
        line("### Claim query cost vs stored notifications (" + DUE_IN_STORE + " due, batch 50)");
        line("");
        line("Store shape: 90 % sent history, 10 % pending in the future, " + DUE_IN_STORE + " pending and due. "
                + "Median of 30 runs of the claim (each in a rolled-back transaction, so the rows stay claimable).");
        line("");
        line("| stored rows | insert (generate_series) | claim, partial index | claim, index dropped | plan with index |");
        line("|---|---|---|---|---|");
        List<String> plans = new ArrayList<>();
        for (int stored : STORED) {
            long t0 = System.nanoTime();
            insertStore(stored, DUE_IN_STORE);
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            double withIndex = medianClaimMillis();
            String plan = explain();
            double withoutIndex;
            try (Connection c = PostgresTestResource.connect(Db.DATABASE); Statement s = c.createStatement()) {
                s.execute("DROP INDEX notification_pending_due_idx");
                try {
                    withoutIndex = medianClaimMillis();
                } finally {
                    s.execute("CREATE INDEX notification_pending_due_idx ON notification (due_at) WHERE status = 'pending'");
                }
            }
            String usesIndex = plan.contains("notification_pending_due_idx") ? "Index Scan on notification_pending_due_idx" : "NO INDEX";
            line(String.format(Locale.ROOT, "| %,d | %.1f s | %.2f ms | %.2f ms | %s |", stored, insertSeconds, withIndex,
                    withoutIndex, usesIndex));
            plans.add("EXPLAIN (ANALYZE, BUFFERS) at " + String.format(Locale.ROOT, "%,d", stored) + " stored rows:\n" + plan);
        }
        line("");
        for (String p : plans) {
            line("```");
            line(p.strip());
            line("```");
        }
    }

    private double medianClaimMillis() throws SQLException {
        List<Double> runs = new ArrayList<>();
        try (Connection c = PostgresTestResource.connect(Db.DATABASE)) {
            c.setAutoCommit(false);
            for (int i = 0; i < 33; i++) {
                try (PreparedStatement ps = c.prepareStatement(ClaimRepository.CLAIM_SQL.replace("?1", "?").replace("?2", "?"))) {
                    Timestamp now = Timestamp.from(NOW);
                    ps.setTimestamp(1, now);
                    ps.setTimestamp(2, now);
                    ps.setInt(3, 50);
                    long t = System.nanoTime();
                    int n = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            n++;
                        }
                    }
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (n != 50) {
                        throw new IllegalStateException("claimed " + n);
                    }
                    if (i >= 3) {
                        runs.add(ms); // first runs warm the connection and plan cache
                    }
                }
                c.rollback();
            }
        }
        runs.sort(Double::compare);
        return runs.get(runs.size() / 2);
    }

    private String explain() throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = PostgresTestResource.connect(Db.DATABASE)) {
            c.setAutoCommit(false);
            String sql = "EXPLAIN (ANALYZE, BUFFERS) " + ClaimRepository.CLAIM_SQL
                    .replace("?1", "TIMESTAMPTZ '" + NOW + "'").replace("?2", "50");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
        }
        return plan.toString();
    }

    private void line(String s) {
        report.append(s).append('\n');
    }
}
