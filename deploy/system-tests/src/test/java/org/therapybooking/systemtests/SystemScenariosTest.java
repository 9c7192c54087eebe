package org.therapybooking.systemtests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.therapybooking.localstack.SmtpFaultProxy;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged services as separate processes (2 booking, 2 notification, 1 meeting-link replica) with the real
 * broker, our own PostgreSQL and an SMTP sink, driven only through the public HTTP API, under one fault per
 * scenario. Each scenario counts: bookings made, events published, emails per recipient, duplicates, lost, and the
 * time to recover. Short by default; {@code -Dsystem-tests.long=true} (or SYSTEM_TESTS_LONG=1) runs longer bursts
 * and outages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemScenariosTest {
    private static final boolean LONG = Boolean.getBoolean("system-tests.long") || "1".equals(System.getenv("SYSTEM_TESTS_LONG"));
    /** How long each outage lasts; the burst runs from 1 s before it until 3 s after it. */
    private static final Duration OUTAGE = LONG ? Duration.ofSeconds(30) : Duration.ofSeconds(6);
    private static final double RATE = LONG ? 5 : 4;
    private static final Duration CONVERGENCE = LONG ? Duration.ofMinutes(5) : Duration.ofMinutes(2);
    /** After convergence, how long we keep looking for late duplicates. */
    private static final Duration QUIET = LONG ? Duration.ofSeconds(10) : Duration.ofSeconds(3);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Stack stack;
    private static String adminToken;
    private static Report report;
    private static final Path OUT = Path.of("target/system-tests");

    @BeforeAll
    static void startSystem() throws Exception {
        Path root = Path.of(System.getProperty("system-tests.services.root", "../..")).toAbsolutePath().normalize();
        report = new Report("System tests across processes (" + (LONG ? "long" : "short") + " run, outage "
                + OUTAGE.toSeconds() + " s, " + RATE + " bookings/s)");
        Instant t0 = Instant.now();
        stack = new Stack(root, OUT.toAbsolutePath());
        adminToken = stack.api.login(Stack.ADMIN_EMAIL, Stack.ADMIN_PASSWORD);
        System.out.printf("system up in %d s%n", Duration.between(t0, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stopSystem() {
        try {
            if (report != null) {
                report.write(OUT.resolve("report.md"));
                System.out.println(report.markdown());
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
            Processes.stopAll();
        }
    }

    @Test
    @Order(1)
    void brokerFrozenDuringBurst() {
        Result r = scenario("Kafka broker frozen (SIGSTOP)", burst(), () -> {
            stack.freezeKafka();
            Wait.sleep(OUTAGE.toMillis());
            stack.thawKafka();
            return Instant.now();
        }, "");
        r.assertExactlyOnce();
    }

    @Test
    @Order(2)
    void brokerKilledAndRestartedDuringBurst() {
        Result r = scenario("Kafka broker killed (-9) and restarted", burst(), () -> {
            stack.killAndRestartKafka();
            return Instant.now();
        }, "");
        r.assertExactlyOnce();
    }

    @Test
    @Order(3)
    void smtpFrozen() {
        Result r = scenario("SMTP server frozen", burst(), () -> {
            stack.smtp.mode(SmtpFaultProxy.Mode.FREEZE);
            Wait.sleep(OUTAGE.toMillis());
            stack.smtp.mode(SmtpFaultProxy.Mode.PASS);
            return Instant.now();
        }, "a message the relay took whose 250 reply was held is 'uncertain' and goes out once more with the same Message-ID");
        r.assertExactlyOnce();
    }

    @Test
    @Order(4)
    void smtpRefusingWith421() {
        Result r = scenario("SMTP server refusing (421), then back", burst(), () -> {
            stack.smtp.mode(SmtpFaultProxy.Mode.REFUSE);
            Wait.sleep(OUTAGE.toMillis());
            stack.smtp.mode(SmtpFaultProxy.Mode.PASS);
            return Instant.now();
        }, "");
        r.assertExactlyOnce();
    }

    @Test
    @Order(5)
    void meetingLinkServiceDown() {
        Result r = scenario("meeting-link-service down", burst(), () -> {
            stack.meetingLink.stop();
            Wait.sleep(OUTAGE.toMillis());
            stack.meetingLink.start();
            stack.meetingLink.awaitReady(Duration.ofMinutes(3));
            return Instant.now();
        }, "");
        r.assertExactlyOnce();
    }

    @Test
    @Order(6)
    void postgresRestartedMidRun() {
        Result r = scenario("PostgreSQL restarted", burst(), () -> {
            stack.postgres.restart();
            return Instant.now();
        }, "a send whose 'mark sent' update hit the restart is recovered by its lease and re-sent with the same Message-ID");
        assertAll(r::assertExactlyOnce,
                // while the database is unreachable booking-service answers 503 + Retry-After, never 500
                () -> assertEquals(0, r.row.status500(), "500 answers during the PostgreSQL restart: " + r.row));
    }

    @Test
    @Order(7)
    void notificationReplicaKilledMidBatch() {
        ServiceProcess victim = stack.notification.get(0);
        Result r = scenario("notification replica killed (-9) mid-batch", burst(), () -> {
            // hold the sends so the victim is mid-batch: rows claimed, messages on the wire
            stack.smtp.mode(SmtpFaultProxy.Mode.FREEZE);
            Wait.sleep(2000);
            victim.kill9();
            stack.smtp.mode(SmtpFaultProxy.Mode.PASS);
            Wait.sleep(OUTAGE.toMillis());
            Instant whole = Instant.now();
            victim.start();
            victim.awaitReady(Duration.ofMinutes(3));
            return whole;
        }, "the surviving replica takes the victim's claimed rows when their lease (15 s) expires");
        // a message whose DATA reached the relay before the kill goes out again under the same Message-ID
        r.assertExactlyOnce();
    }

    @Test
    @Order(8)
    void bookingReplicaKilledBetweenCommitAndPublish() {
        ServiceProcess victim = stack.booking.get(1);
        Result r = scenario("booking replica killed (-9) between commit and publish", burst(), () -> {
            // with the broker frozen, every committed booking waits in the outbox, some claimed by the victim's relay
            stack.freezeKafka();
            Wait.sleep(OUTAGE.toMillis() / 2);
            victim.kill9();
            Wait.sleep(OUTAGE.toMillis() / 2);
            stack.thawKafka();
            Instant whole = Instant.now();
            victim.start();
            victim.awaitReady(Duration.ofMinutes(3));
            return whole;
        }, "other = requests in flight to the killed replica (connection cut); the surviving replica's relay publishes its outbox rows");
        r.assertNothingLost();
        assertEquals(0, r.row.duplicates(), "duplicate emails: " + r.row);
    }

    @Test
    @Order(9)
    void rollingRestartUnderSteadyLoad() {
        List<ServiceProcess> order = new ArrayList<>(stack.booking);
        order.addAll(stack.notification);
        order.add(stack.meetingLink);
        int budget = (int) (RATE * (LONG ? 600 : 240));
        Result r = scenarioUntilDone("rolling restart of every service", bookings(budget), () -> {
            for (ServiceProcess service : order) {
                stack.restart(service);
                if (LONG) {
                    Wait.sleep(5000);
                }
            }
            return Instant.now();
        }, "load through a readiness-polling balancer, 200 ms poll");
        // graceful shutdown: readiness goes DOWN for the shutdown delay before the port closes, so a balancer that
        // polls readiness never sends to a stopping replica, and in-flight requests finish
        assertAll(r::assertExactlyOnce,
                () -> assertEquals(0, r.row.status5xx(), "5xx during the rolling restart: " + r.row),
                () -> assertEquals(0, r.row.otherFailures(), "refused requests: " + r.row));
    }

    @Test
    @Order(10)
    void loginLimitIsSharedByTheReplicas() {
        String email = "locked-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        stack.api.register(email, "Locked");
        ServiceProcess first = stack.booking.get(0);
        ServiceProcess second = stack.booking.get(1);
        // the budget's failures alternately on the two replicas: with per-replica counting each would have
        // seen only half and would answer the next wrong password with 401
        for (int i = 0; i < Stack.LOGIN_MAX_FAILURES; i++) {
            ServiceProcess replica = i % 2 == 0 ? first : second;
            assertEquals(401, stack.api.loginAt(replica, email, "wrong-password-" + i).status(), "failure " + (i + 1));
        }
        Api.LoginAnswer wrongOnFirst = stack.api.loginAt(first, email, "wrong-password-x");
        Api.LoginAnswer rightOnFirst = stack.api.loginAt(first, email, Api.PASSWORD);
        Api.LoginAnswer rightOnSecond = stack.api.loginAt(second, email, Api.PASSWORD);
        assertAll(() -> assertEquals(429, wrongOnFirst.status(), "next failure"),
                () -> assertEquals(429, rightOnFirst.status(), "right password on replica 1 while locked"),
                () -> assertEquals(429, rightOnSecond.status(), "right password on replica 2 while locked"),
                () -> assertTrue(rightOnSecond.retryAfterSeconds() >= 1
                        && rightOnSecond.retryAfterSeconds() <= Stack.LOGIN_WINDOW.toSeconds() + 1,
                        "Retry-After within the window: " + rightOnSecond));
        // Retry-After is when the window ends; after it, the right password gets in on either replica
        Wait.sleep(Math.max(wrongOnFirst.retryAfterSeconds(), rightOnSecond.retryAfterSeconds()) * 1000);
        assertEquals(200, stack.api.loginAt(second, email, Api.PASSWORD).status(), "after the window");
        System.out.printf("login limit across 2 replicas: %d failures (alternating) then 429 on both replicas, "
                + "Retry-After %d s, accepted after it%n", Stack.LOGIN_MAX_FAILURES, rightOnSecond.retryAfterSeconds());
    }

    @Test
    @Order(11)
    void clientWaitingAlertAndOutcomeOnceAcrossTwoBookingReplicas() {
        // a real session a few seconds from now; both booking replicas run the attendance job every second
        Instant start = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        long slot = stack.api.createSlot(adminToken, start, 1);
        String email = "waits-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        stack.api.register(email, "Waiting");
        String token = stack.api.login(email, Api.PASSWORD);
        Api.Response booked = stack.api.book(token, slot);
        assertEquals(201, booked.status(), "book: " + booked);
        long id = booked.body().get("id").asLong();
        String joinPath = URI.create(booked.body().get("join_url").asText()).getPath();

        // the client opens the link (its window opened 15 minutes before the start) on one replica
        Api.Page joined = stack.api.getAt(stack.booking.get(1), joinPath, null);
        assertEquals(302, joined.status(), "join: " + joined.status() + " " + joined.body());
        assertTrue(joined.location().startsWith("https://meet.jit.si/"), joined.location());

        // 3 s into the session the therapist has not come: one email, whichever replica's job saw it first
        assertTrue(Wait.until(Duration.ofSeconds(60), () -> !alerts(id).isEmpty()), "the client-waiting email");
        // then the session ends; 2 s later the job records it completed (the client joined)
        assertTrue(Wait.until(Duration.ofSeconds(120), () -> "completed".equals(status(id))),
                "booking " + id + " completed, not " + status(id));
        Wait.sleep(QUIET.toMillis());
        List<MailLog.Mail> alerts = alerts(id);
        long waitingEvents = stack.postgres.count("booking", "select count(*) from outbox_event where aggregate_id = "
                + id + " and event_type = 'booking.client_waiting'");
        long completedEvents = stack.postgres.count("booking", "select count(*) from outbox_event where aggregate_id = "
                + id + " and event_type = 'booking.completed'");
        assertAll(() -> assertEquals(1, alerts.size(), "client-waiting emails: " + alerts),
                () -> assertEquals(Stack.ADMIN_EMAIL, alerts.get(0).recipient(), "to the therapist"),
                () -> assertEquals(1, waitingEvents, "booking.client_waiting events"),
                () -> assertEquals(1, completedEvents, "booking.completed events"),
                () -> assertEquals(410, stack.api.getAt(stack.booking.get(0), joinPath, null).status(),
                        "the link answers 'ended' once the session is over"));
        System.out.printf("attendance across 2 booking replicas: client joined, 1 client-waiting email to the "
                + "therapist, 1 booking.client_waiting and 1 booking.completed event%n");
    }

    private static List<MailLog.Mail> alerts(long bookingId) {
        return stack.mails.all().stream().filter(m -> m.bookingId() == bookingId && m.messageId() != null
                && m.messageId().contains(".client_waiting@")).toList();
    }

    private static String status(long bookingId) {
        Api.Page page = stack.api.getAt(stack.booking.get(0), "/api/bookings/" + bookingId, adminToken);
        try {
            return page.status() == 200 ? JSON.readTree(page.body()).path("status").asText() : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- the scenario engine ----

    /** Injects the fault while the load runs and heals it; returns the moment the system was whole again. */
    interface Fault {
        Instant run();
    }

    private static int burstSize() {
        return (int) (RATE * (OUTAGE.toSeconds() + 4));
    }

    private static List<Load.Booking> burst() {
        return bookings(burstSize());
    }

    /** New clients (4) and one fresh slot per booking, made before the fault. */
    private static List<Load.Booking> bookings(int count) {
        List<String[]> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String email = "c" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            stack.api.register(email, "Client" + i);
            clients.add(new String[] {email, stack.api.login(email, Api.PASSWORD)});
        }
        List<Load.Booking> bookings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] c = clients.get(i % clients.size());
            bookings.add(new Load.Booking(c[0], c[1], stack.api.createSlot(adminToken)));
        }
        return bookings;
    }

    private Result scenario(String name, List<Load.Booking> bookings, Fault fault, String notes) {
        Load load = new Load().start(stack.api, bookings, RATE);
        Wait.sleep(1000);
        Instant healed = fault.run();
        return converge(name, bookings, load.finish(), healed, notes);
    }

    private Result scenarioUntilDone(String name, List<Load.Booking> bookings, Fault fault, String notes) {
        Load load = new Load().start(stack.api, bookings, RATE);
        Wait.sleep(2000);
        Instant healed = fault.run();
        Wait.sleep(2000);
        load.stop();
        return converge(name, bookings, load.finish(), healed, notes);
    }

    private Result converge(String name, List<Load.Booking> bookings, List<Load.Attempt> attempts, Instant healed,
            String notes) {
        Set<String> clients = new HashSet<>();
        bookings.forEach(b -> clients.add(b.clientEmail()));
        Map<Long, String> clientOf = new HashMap<>();
        int ok = 0, s5xx = 0, s500 = 0, other = 0;
        Map<String, AtomicInteger> failures = new java.util.TreeMap<>();
        for (Load.Attempt a : attempts) {
            Api.Response resp = a.response();
            if (resp.ok()) {
                ok++;
                clientOf.put(resp.body().get("id").asLong(), a.clientEmail());
            } else {
                if (resp.status() >= 500) {
                    s5xx++;
                    if (resp.status() == 500) {
                        s500++;
                    }
                } else {
                    other++;
                }
                String kind = resp.status() > 0 ? Integer.toString(resp.status()) : String.valueOf(resp.error());
                failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            }
        }
        String therapist = Stack.ADMIN_EMAIL.toLowerCase();
        Set<Long> expected = new TreeSet<>(clientOf.keySet());
        Instant deadline = Instant.now().plus(CONVERGENCE);
        Instant converged = null;
        while (Instant.now().isBefore(deadline)) {
            // bookings committed behind a failed answer show up as events for our clients
            expected.addAll(stack.events.bookingsOf(clients));
            if (missing(expected, therapist).isEmpty()) {
                converged = Instant.now();
                break;
            }
            Wait.sleep(250);
        }
        Instant quietUntil = Instant.now().plus(QUIET);
        while (Instant.now().isBefore(quietUntil)) {
            Wait.sleep(250);
        }
        expected.addAll(stack.events.bookingsOf(clients));
        int behindFailure = (int) expected.stream().filter(id -> !clientOf.containsKey(id)).count();
        int events = (int) expected.stream().filter(id -> !stack.events.created(id).isEmpty()).count();
        int redelivered = expected.stream().mapToInt(id -> Math.max(0, stack.events.created(id).size() - 1)).sum();
        // a re-send keeps its Message-ID, so mail clients and relays show it once: only distinct Message-IDs for the
        // same booking and recipient are duplicates a person sees
        Map<String, Set<String>> messageIdsPerBookingRecipient = new HashMap<>();
        Map<String, Integer> deliveriesPerMessageId = new HashMap<>();
        int emails = 0;
        for (MailLog.Mail m : stack.mails.all()) {
            if (!expected.contains(m.bookingId())) {
                continue;
            }
            emails++;
            messageIdsPerBookingRecipient.computeIfAbsent(m.bookingId() + "/" + m.recipient(), k -> new HashSet<>())
                    .add(m.messageId());
            deliveriesPerMessageId.merge(m.messageId(), 1, Integer::sum);
        }
        int duplicates = messageIdsPerBookingRecipient.values().stream().mapToInt(ids -> ids.size() - 1).sum();
        int sameMessageIdResends = deliveriesPerMessageId.values().stream().mapToInt(n -> n - 1).sum();
        List<String> lost = missing(expected, therapist);
        double recovery = converged == null ? -1 : Duration.between(healed, converged).toMillis() / 1000.0;
        StringBuilder n = new StringBuilder(notes);
        if (!failures.isEmpty()) {
            n.append(n.length() > 0 ? "; " : "").append("failed answers: ").append(failures);
        }
        if (duplicates > 0) {
            n.append(n.length() > 0 ? "; " : "").append(duplicates).append(" duplicate emails (another Message-ID)");
        }
        if (sameMessageIdResends > 0) {
            n.append(n.length() > 0 ? "; " : "").append(sameMessageIdResends)
                    .append(" re-sends with the same Message-ID (unknown SMTP outcome, shown once by mail clients)");
        }
        if (!lost.isEmpty()) {
            n.append(n.length() > 0 ? "; " : "").append("lost: ").append(lost.subList(0, Math.min(10, lost.size())));
        }
        Report.Row row = new Report.Row(name, attempts.size(), ok, s5xx, s500, other, behindFailure, events, redelivered,
                emails, duplicates, sameMessageIdResends, lost.size(), recovery, n.toString());
        report.add(row);
        return new Result(row, clientOf.keySet());
    }

    /** "booking 12: no event", "booking 12: no email to x" for what has not arrived yet. */
    private static List<String> missing(Set<Long> expected, String therapist) {
        Map<Long, Set<String>> recipients = new HashMap<>();
        for (MailLog.Mail m : stack.mails.all()) {
            recipients.computeIfAbsent(m.bookingId(), id -> new HashSet<>()).add(m.recipient());
        }
        List<String> missing = new ArrayList<>();
        for (long id : expected) {
            List<EventLog.Created> created = stack.events.created(id);
            if (created.isEmpty()) {
                missing.add("booking " + id + ": no booking.created");
                continue;
            }
            Set<String> got = recipients.getOrDefault(id, Set.of());
            String client = created.get(0).recipientEmail().toLowerCase();
            if (!got.contains(client)) {
                missing.add("booking " + id + ": no email to the client");
            }
            if (!got.contains(therapist)) {
                missing.add("booking " + id + ": no email to the therapist");
            }
        }
        return missing;
    }

    record Result(Report.Row row, Set<Long> okIds) {
        void assertNothingLost() {
            assertAll(() -> assertTrue(row.ok() > 0, "no booking succeeded: " + row),
                    () -> assertEquals(0, row.lost(), "lost: " + row),
                    () -> assertTrue(row.recoverySeconds() >= 0, "did not converge: " + row));
        }

        void assertExactlyOnce() {
            assertAll(this::assertNothingLost,
                    () -> assertEquals(0, row.duplicates(), "duplicate emails: " + row));
        }
    }
}
