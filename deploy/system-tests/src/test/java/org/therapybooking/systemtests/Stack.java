package org.therapybooking.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.therapybooking.localstack.FreePorts;
import org.therapybooking.localstack.KafkaBroker;
import org.therapybooking.localstack.SmtpFaultProxy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The whole system on this machine, each part its own OS process: PostgreSQL (our own), the Kafka broker,
 * meeting-link-service, two booking-service and two notification-service replicas; GreenMail as SMTP sink
 * (in this JVM) behind {@link SmtpFaultProxy}.
 */
final class Stack implements AutoCloseable {
    static final String ADMIN_EMAIL = "therapist@practice.example";
    static final String ADMIN_PASSWORD = "system-tests-admin-1";
    /** booking-service's default failed-login budget per account (LOGIN_MAX_FAILURES_PER_ACCOUNT). */
    static final int LOGIN_MAX_FAILURES = 5;
    /** LOGIN_WINDOW here: short, so the login scenario can see a locked account open again. */
    static final Duration LOGIN_WINDOW = Duration.ofSeconds(10);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    final Path dir;
    final OwnPostgres postgres;
    final KafkaBroker kafka;
    final GreenMail greenMail;
    final SmtpFaultProxy smtp;
    final ServiceProcess meetingLink;
    final List<ServiceProcess> booking = new ArrayList<>();
    final List<ServiceProcess> notification = new ArrayList<>();
    final Balancer bookingBalancer;
    final EventLog events;
    final MailLog mails;
    final Api api;

    Stack(Path servicesRoot, Path dir) throws IOException {
        this.dir = dir;
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        postgres = OwnPostgres.start(dir.resolve("postgres"), FreePorts.next(), List.of("booking", "notification"));
        // a fresh broker every run: a data dir formatted for another cluster id refuses to start
        OwnPostgres.deleteRecursively(dir.resolve("kafka"));
        kafka = KafkaBroker.start(dir.resolve("kafka"), FreePorts.next(),
                List.of(new KafkaBroker.Topic("booking.events", 3), new KafkaBroker.Topic("booking.events.dlq", 1),
                        new KafkaBroker.Topic("account.events", 3), new KafkaBroker.Topic("account.events.dlq", 1)));
        long brokerPid = kafka.pid();
        Processes.track(brokerPid, "kafka", kafka::stop);
        greenMail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        int smtpPort = greenMail.getSmtp().getPort();
        smtp = new SmtpFaultProxy(() -> smtpPort);

        Path key = writeSigningKey(dir.resolve("jwt"));
        int bookingPort1 = FreePorts.next();
        int meetingLinkPort = FreePorts.next();
        int notificationPort1 = FreePorts.next();
        String jwks = "http://127.0.0.1:" + bookingPort1 + "/api/auth/jwks";
        // notification-service's client secret for booking-service's token endpoint; booking-service holds its SHA-256
        String clientSecret = randomSecret();

        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        common.put("MEETING_LINK_SERVICE_URL", "http://127.0.0.1:" + meetingLinkPort);
        common.put("JWT_PUBLIC_KEY_LOCATION", jwks);
        common.put("JITSI_BASE_URL", "https://meet.jit.si");
        // graceful shutdown: readiness DOWN first (the delay), then in-flight requests get this long to finish
        common.put("QUARKUS_SHUTDOWN_DELAY_ENABLED", "true");
        common.put("QUARKUS_SHUTDOWN_DELAY", "2s");
        common.put("QUARKUS_SHUTDOWN_TIMEOUT", "20s");

        meetingLink = new ServiceProcess("meeting-link-service", jar(servicesRoot, "meeting-link-service"),
                meetingLinkPort, common, logs);

        Map<String, String> bookingEnv = new HashMap<>(common);
        bookingEnv.put("BOOKING_DB_URL", postgres.jdbcUrl("booking"));
        bookingEnv.put("BOOKING_DB_USER", "postgres");
        bookingEnv.put("BOOKING_DB_PASSWORD", "");
        bookingEnv.put("JWT_SIGN_KEY_LOCATION", key.toString());
        bookingEnv.put("JWT_SIGN_KEY_ID", "system-tests-1");
        bookingEnv.put("PAYMENT_WEBHOOK_SECRET", "whsec_" + UUID.randomUUID());
        bookingEnv.put("NOTIFICATION_CLIENT_SECRET_SHA256", sha256Hex(clientSecret));
        // the export asks notification-service for its part
        bookingEnv.put("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + notificationPort1);
        // every client of the tests logs in from 127.0.0.1
        bookingEnv.put("LOGIN_MAX_ATTEMPTS_PER_CLIENT", "1000000");
        bookingEnv.put("LOGIN_WINDOW", LOGIN_WINDOW.toString());
        // the relay's longest pause between attempts when Kafka is down (default 30 s): shorter recoveries
        bookingEnv.put("BOOKING_OUTBOX_MAX_BACKOFF", "PT2S");
        // the attendance job every second on both replicas; the alert 3 s into a session, the outcome 2 s after
        // its end (the other scenarios' sessions are weeks ahead: neither touches them)
        bookingEnv.put("BOOKING_ATTENDANCE_CHECK_INTERVAL", "1s");
        bookingEnv.put("HOST_ALERT_AFTER", "PT3S");
        bookingEnv.put("BOOKING_JOIN_LINKS_CLOSES_AFTER", "PT2S");
        Map<String, String> seeded = new HashMap<>(bookingEnv);
        seeded.put("ADMIN_SEED_EMAIL", ADMIN_EMAIL);
        seeded.put("ADMIN_SEED_PASSWORD", ADMIN_PASSWORD);
        seeded.put("ADMIN_SEED_FIRST_NAME", "Dana");
        seeded.put("ADMIN_SEED_LAST_NAME", "Smith");
        seeded.put("ADMIN_SEED_TIME_ZONE", "Europe/Berlin");
        Path bookingJar = jar(servicesRoot, "booking-service");
        booking.add(new ServiceProcess("booking-service-1", bookingJar, bookingPort1, seeded, logs));
        booking.add(new ServiceProcess("booking-service-2", bookingJar, FreePorts.next(), bookingEnv, logs));

        Map<String, String> notificationEnv = new HashMap<>(common);
        notificationEnv.put("NOTIFICATION_DB_URL", postgres.jdbcUrl("notification"));
        notificationEnv.put("NOTIFICATION_DB_USER", "postgres");
        notificationEnv.put("NOTIFICATION_DB_PASSWORD", "");
        notificationEnv.put("SMTP_HOST", "127.0.0.1");
        notificationEnv.put("SMTP_PORT", Integer.toString(smtp.port()));
        notificationEnv.put("MAIL_FROM", "Therapy Practice <no-reply@practice.example>");
        // service tokens for meeting-link-service, from booking replica 1 (the one that serves the JWKS too)
        notificationEnv.put("BOOKING_SERVICE_URL", "http://127.0.0.1:" + bookingPort1);
        notificationEnv.put("NOTIFICATION_CLIENT_SECRET", clientSecret);
        // shorter policies than production's, so outages of seconds recover in seconds (see docs/operations.md)
        notificationEnv.put("QUARKUS_MAILER_TIMEOUT", "3s");
        notificationEnv.put("NOTIFICATIONS_DISPATCH_EVERY", "1s");
        notificationEnv.put("NOTIFICATIONS_DISPATCH_LEASE", "PT15S");
        // an unknown SMTP outcome waits this long for its one re-send (production: 15 min)
        notificationEnv.put("NOTIFICATIONS_DISPATCH_UNCERTAIN_RESEND_AFTER", "PT20S");
        notificationEnv.put("NOTIFICATIONS_RETRY_BASE_DELAY", "PT1S");
        notificationEnv.put("NOTIFICATIONS_RETRY_MAX_DELAY", "PT4S");
        notificationEnv.put("NOTIFICATIONS_RETRY_MAX_ATTEMPTS", "1000");
        Path notificationJar = jar(servicesRoot, "notification-service");
        notification.add(new ServiceProcess("notification-service-1", notificationJar, notificationPort1, notificationEnv, logs));
        notification.add(new ServiceProcess("notification-service-2", notificationJar, FreePorts.next(), notificationEnv, logs));

        // booking replica 1 first: it seeds the admin and serves the JWKS the others verify with
        meetingLink.start();
        booking.get(0).start();
        notification.forEach(ServiceProcess::start);
        booking.get(0).awaitReady(READY_TIMEOUT);
        booking.get(1).start();
        meetingLink.awaitReady(READY_TIMEOUT);
        booking.get(1).awaitReady(READY_TIMEOUT);
        notification.forEach(n -> n.awaitReady(READY_TIMEOUT));

        bookingBalancer = new Balancer(booking);
        events = new EventLog(kafka.bootstrapServers());
        mails = new MailLog(greenMail);
        api = new Api(bookingBalancer);
    }

    /** Restarts one replica the way a rolling update does: graceful stop, start, wait until ready. */
    void restart(ServiceProcess service) {
        service.stop();
        service.start();
        service.awaitReady(READY_TIMEOUT);
    }

    void freezeKafka() {
        Processes.signal(kafka.pid(), "STOP");
    }

    void thawKafka() {
        Processes.signal(kafka.pid(), "CONT");
    }

    void killAndRestartKafka() {
        long pid = kafka.pid();
        Processes.signal(pid, "KILL");
        Processes.awaitExit(pid, 30);
        Processes.untrack(pid);
        kafka.restart();
        Processes.track(kafka.pid(), "kafka", kafka::stop);
    }

    private static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256Hex(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writeSigningKey(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            Path file = dir.resolve("private.pem");
            Files.writeString(file, pem);
            return file;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (bookingBalancer != null) {
            bookingBalancer.close();
        }
        if (events != null) {
            events.close();
        }
        Processes.stopAll();
        smtp.close();
        greenMail.stop();
    }
}
