package org.therapybooking.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run as a separate JVM
 * from the jars that {@code deploy/kafka-broker} collects from Maven Central. Loopback only.
 *
 * <p>The broker JVM is started through {@link BrokerProcess}, which exits when its parent's pipe closes, so a
 * killed test JVM or run script never leaves an orphan broker behind.
 */
public final class KafkaBroker implements AutoCloseable {

    /** A topic to create explicitly (auto-create is off, as in production). */
    public record Topic(String name, int partitions) {
        public static Topic parse(String spec) {
            String[] parts = spec.split(":");
            return new Topic(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path libDir;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path libDir, Path dataDir, int port, int controllerPort) {
        this.libDir = libDir;
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a fresh data directory, starts the broker and creates the topics. */
    public static KafkaBroker start(Path dataDir, int port, List<Topic> topics) {
        KafkaBroker broker = new KafkaBroker(locateLibDir(), dataDir, port, FreePorts.next());
        try {
            broker.format();
            broker.launch();
            broker.createTopics(topics);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The broker JVM's process id, so a test can freeze ({@code kill -STOP}) or kill it; -1 when not running. */
    public long pid() {
        return isRunning() ? process.pid() : -1;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker, keeping its data, so a test can simulate an outage. */
    public void stop() {
        if (process == null) {
            return;
        }
        ChildJvm.stop(process, Duration.ofSeconds(30));
        process = null;
        waitUntilPortClosed();
    }

    /** Starts the broker again on the same ports and data after {@link #stop()}. */
    public void restart() {
        if (!isRunning()) {
            launch();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public void createTopics(List<Topic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
                    .collect(Collectors.toList());
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create topics " + topics, e);
        }
    }

    private void format() {
        try {
            Files.createDirectories(dataDir);
            Path config = writeServerProperties();
            String clusterId = Uuid.randomUuid().toString();
            Process format = ChildJvm.start(ChildJvm.command("-Xmx256m", "-cp", classPath(), "kafka.tools.StorageTool",
                    "format", "-t", clusterId, "-c", config.toString(), "--standalone", "--ignore-formatted"),
                    Map.of(), dataDir.resolve("format.log"));
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("kafka storage format failed, see " + dataDir.resolve("format.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch() {
        Path log = dataDir.resolve("broker.log");
        process = ChildJvm.start(ChildJvm.command("-Xmx512m", "-XX:+UseSerialGC", "-cp", classPath(),
                BrokerProcess.class.getName(), dataDir.resolve("server.properties").toString()), Map.of(), log);
        ChildJvm.awaitReady(process, this::portOpen, START_TIMEOUT, "Kafka broker", log);
    }

    private Path writeServerProperties() throws IOException {
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, """
                # single-node KRaft broker for local runs and tests
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=false
                """.formatted(port, controllerPort, dataDir.resolve("logs").toString().replace("\\", "\\\\")));
        return file;
    }

    private String classPath() {
        String self;
        try {
            self = Paths.get(BrokerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate local-stack classes", e);
        }
        return self + File.pathSeparator + libDir.resolve("*");
    }

    /** The broker jars: system property {@code kafka.lib.dir}, else found from the working directory upwards. */
    static Path locateLibDir() {
        String configured = System.getProperty("kafka.lib.dir", System.getenv("KAFKA_LIB_DIR"));
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/kafka-broker/target/kafka-lib");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Kafka broker jars not found: build deploy/kafka-broker first "
                + "(./mvnw -pl deploy/kafka-broker generate-resources) or set -Dkafka.lib.dir");
    }

    private void waitUntilPortClosed() {
        Instant deadline = Instant.now().plusSeconds(30);
        try {
            while (portOpen() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
